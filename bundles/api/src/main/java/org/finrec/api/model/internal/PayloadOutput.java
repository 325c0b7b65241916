package org.finrec.api.model.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.finrec.api.model.ModelOutput;

/** A {@link ModelOutput} over a stream, buffered in one 64 KiB array; counts the bytes written. */
final class PayloadOutput implements ModelOutput {

    private static final int CHUNK = 1 << 16;

    private final OutputStream out;
    private final byte[] chunk = new byte[CHUNK];
    private final ByteBuffer buffer = ByteBuffer.wrap(chunk);
    private long written;

    PayloadOutput(OutputStream out) {
        this.out = out;
    }

    /** The bytes written so far, flushed or not. */
    long written() {
        return written + buffer.position();
    }

    /** Writes what is buffered to the stream (which is not flushed or closed). */
    void drain() throws IOException {
        out.write(chunk, 0, buffer.position());
        written += buffer.position();
        buffer.clear();
    }

    private ByteBuffer room(int bytes) throws IOException {
        if (buffer.remaining() < bytes) {
            drain();
        }
        return buffer;
    }

    @Override
    public void writeBoolean(boolean value) throws IOException {
        room(1).put(value ? (byte) 1 : (byte) 0);
    }

    @Override
    public void writeInt(int value) throws IOException {
        room(Integer.BYTES).putInt(value);
    }

    @Override
    public void writeLong(long value) throws IOException {
        room(Long.BYTES).putLong(value);
    }

    @Override
    public void writeFloat(float value) throws IOException {
        writeInt(Float.floatToRawIntBits(value));
    }

    @Override
    public void writeDouble(double value) throws IOException {
        writeLong(Double.doubleToRawLongBits(value));
    }

    @Override
    public void writeString(String value) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        writeInt(bytes.length);
        if (bytes.length <= CHUNK) {
            room(bytes.length).put(bytes);
        } else {
            drain();
            out.write(bytes);
            written += bytes.length;
        }
    }

    @Override
    public void writeEnum(Enum<?> value) throws IOException {
        writeString(value.name());
    }

    /** Copies {@code count} values into the buffer, starting at value {@code from}. */
    private interface BulkCopy {
        void copy(ByteBuffer bytes, int from, int count);
    }

    /** Writes a length and then {@code values} values of {@code bytesEach} bytes, as many at a time as fit. */
    private void put(int values, int bytesEach, BulkCopy copy) throws IOException {
        writeInt(values);
        for (int from = 0; from < values;) {
            int count = Math.min(room(bytesEach).remaining() / bytesEach, values - from);
            copy.copy(buffer, from, count);
            buffer.position(buffer.position() + count * bytesEach);
            from += count;
        }
    }

    @Override
    public void writeInts(int[] values) throws IOException {
        put(values.length, Integer.BYTES, (bytes, from, count) -> bytes.asIntBuffer().put(values, from, count));
    }

    @Override
    public void writeFloats(float[] values) throws IOException {
        put(values.length, Float.BYTES, (bytes, from, count) -> bytes.asFloatBuffer().put(values, from, count));
    }

    @Override
    public void writeDoubles(double[] values) throws IOException {
        put(values.length, Double.BYTES, (bytes, from, count) -> bytes.asDoubleBuffer().put(values, from, count));
    }

    @Override
    public void writeStrings(String[] values) throws IOException {
        writeInt(values.length);
        for (String value : values) {
            writeString(value);
        }
    }
}
