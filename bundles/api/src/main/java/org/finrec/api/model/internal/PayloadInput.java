package org.finrec.api.model.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.finrec.api.model.ModelFileException;
import org.finrec.api.model.ModelInput;

/**
 * A {@link ModelInput} over the {@code length} payload bytes of a file, buffered in one 64 KiB array. Every count is
 * checked against the bytes left before anything is allocated.
 */
final class PayloadInput implements ModelInput {

    private static final int CHUNK = 1 << 16;
    /** An expected array length that accepts any. */
    private static final int ANY = Integer.MIN_VALUE;

    private final Path file;
    private final InputStream in;
    private final long length;
    private final byte[] chunk = new byte[CHUNK];
    private final ByteBuffer buffer = ByteBuffer.wrap(chunk).limit(0);
    /** Payload bytes moved into the buffer so far. */
    private long fetched;

    PayloadInput(Path file, InputStream in, long length) {
        this.file = file;
        this.in = in;
        this.length = length;
    }

    /** The payload bytes consumed so far. */
    long position() {
        return fetched - buffer.remaining();
    }

    @Override
    public long remaining() {
        return length - position();
    }

    @Override
    public ModelFileException corrupt(String problem) {
        return new ModelFileException(file, ModelFileException.Problem.CORRUPT, "corrupt model at payload byte "
                + position() + ": " + problem);
    }

    /** Makes at least {@code bytes} (at most {@value #CHUNK}) bytes readable from the buffer. */
    private ByteBuffer need(int bytes) throws IOException {
        if (buffer.remaining() >= bytes) {
            return buffer;
        }
        if (remaining() < bytes) {
            throw corrupt("needs " + bytes + " bytes, the payload has " + remaining() + " left");
        }
        buffer.compact();
        while (buffer.position() < bytes) {
            int wanted = (int) Math.min(buffer.remaining(), length - fetched);
            int read = in.read(chunk, buffer.position(), wanted);
            if (read < 0) {
                throw corrupt("the file ends at payload byte " + fetched);
            }
            buffer.position(buffer.position() + read);
            fetched += read;
        }
        return buffer.flip();
    }

    @Override
    public boolean readBoolean() throws IOException {
        byte value = need(1).get();
        if (value != 0 && value != 1) {
            throw corrupt("a boolean of value " + value);
        }
        return value == 1;
    }

    @Override
    public int readInt() throws IOException {
        return need(Integer.BYTES).getInt();
    }

    @Override
    public long readLong() throws IOException {
        return need(Long.BYTES).getLong();
    }

    @Override
    public float readFloat() throws IOException {
        return Float.intBitsToFloat(readInt());
    }

    @Override
    public double readDouble() throws IOException {
        return Double.longBitsToDouble(readLong());
    }

    @Override
    public int readCount(int bytesEach) throws IOException {
        int count = readInt();
        if (count < 0 || (long) count * bytesEach > remaining()) {
            throw corrupt("a count of " + count + " does not fit in the " + remaining() + " bytes left");
        }
        return count;
    }

    @Override
    public String readString() throws IOException {
        int bytes = readCount(1);
        if (bytes <= CHUNK) {
            ByteBuffer from = need(bytes);
            String value = new String(chunk, from.position(), bytes, StandardCharsets.UTF_8);
            from.position(from.position() + bytes);
            return value;
        }
        byte[] large = new byte[bytes];
        for (int at = 0; at < bytes;) {
            int count = Math.min(CHUNK, bytes - at);
            need(count).get(large, at, count);
            at += count;
        }
        return new String(large, StandardCharsets.UTF_8);
    }

    @Override
    public <E extends Enum<E>> E readEnum(Class<E> type) throws IOException {
        String name = readString();
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw corrupt("'" + name + "' is no " + type.getSimpleName());
        }
    }

    /** A stored array length, which must be {@code expected} unless that is {@link #ANY}. */
    private int readLength(int expected, int bytesEach) throws IOException {
        if (expected < 0 && expected != ANY) {
            throw corrupt("the model needs an array of " + expected + " values");
        }
        int count = readCount(bytesEach);
        if (expected >= 0 && count != expected) {
            throw corrupt("an array of " + count + " values where " + expected + " belong");
        }
        return count;
    }

    /** Copies {@code count} values from the buffer, starting at value {@code from}. */
    private interface BulkCopy {
        void copy(ByteBuffer bytes, int from, int count);
    }

    /** Moves {@code values} values of {@code bytesEach} bytes out of the payload, a buffer-full at a time. */
    private void fill(int values, int bytesEach, BulkCopy copy) throws IOException {
        for (int from = 0; from < values;) {
            int count = Math.min(CHUNK / bytesEach, values - from);
            ByteBuffer bytes = need(count * bytesEach);
            copy.copy(bytes, from, count);
            bytes.position(bytes.position() + count * bytesEach);
            from += count;
        }
    }

    @Override
    public int[] readInts() throws IOException {
        return readInts(ANY);
    }

    @Override
    public int[] readInts(int length) throws IOException {
        int[] values = new int[readLength(length, Integer.BYTES)];
        fill(values.length, Integer.BYTES, (bytes, from, count) -> bytes.asIntBuffer().get(values, from, count));
        return values;
    }

    @Override
    public float[] readFloats() throws IOException {
        return readFloats(ANY);
    }

    @Override
    public float[] readFloats(int length) throws IOException {
        float[] values = new float[readLength(length, Float.BYTES)];
        fill(values.length, Float.BYTES, (bytes, from, count) -> bytes.asFloatBuffer().get(values, from, count));
        return values;
    }

    @Override
    public double[] readDoubles() throws IOException {
        return readDoubles(ANY);
    }

    @Override
    public double[] readDoubles(int length) throws IOException {
        double[] values = new double[readLength(length, Double.BYTES)];
        fill(values.length, Double.BYTES, (bytes, from, count) -> bytes.asDoubleBuffer().get(values, from, count));
        return values;
    }

    @Override
    public String[] readStrings() throws IOException {
        return readStrings(ANY);
    }

    @Override
    public String[] readStrings(int length) throws IOException {
        String[] values = new String[readLength(length, Integer.BYTES)];
        for (int k = 0; k < values.length; k++) {
            values[k] = readString();
        }
        return values;
    }
}
