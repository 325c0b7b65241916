package org.finrec.experiment.internal.log;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;
import org.finrec.api.experiment.OutcomeKind;
import org.finrec.experiment.internal.log.LogRecord.AllocationRecord;
import org.finrec.experiment.internal.log.LogRecord.FailureRecord;
import org.finrec.experiment.internal.log.LogRecord.ImpressionRecord;
import org.finrec.experiment.internal.log.LogRecord.OutcomeRecord;
import org.finrec.experiment.internal.log.LogRecord.ShadowRecord;

/**
 * The binary form of a {@link LogRecord}. A frame is {@code [int payload length][int CRC32C of payload][payload]},
 * big-endian; the payload is a type byte followed by the record's fields as {@link DataOutputStream} writes them
 * (strings with {@code writeUTF}, lists as an int count and the items, the outcome kind as a byte code).
 */
final class RecordCodec {

    /** Bytes before a frame's payload: its length and checksum. */
    static final int FRAME_HEADER_BYTES = 8;
    /** The largest payload a frame may carry. */
    static final int MAX_PAYLOAD_BYTES = 1 << 20;

    private static final byte IMPRESSION = 1;
    private static final byte OUTCOME = 2;
    private static final byte FAILURE = 3;
    private static final byte SHADOW = 4;
    private static final byte ALLOCATION = 5;

    private RecordCodec() {
    }

    /**
     * The record as a complete frame.
     *
     * @throws IllegalArgumentException if a string takes more than 65,535 bytes or the payload more than
     *                                  {@link #MAX_PAYLOAD_BYTES}
     */
    static byte[] frame(LogRecord record) {
        FrameOutput frame = new FrameOutput();
        try (DataOutputStream out = new DataOutputStream(frame)) {
            out.writeLong(0); // room for the length and checksum
            writePayload(record, out);
        } catch (UTFDataFormatException e) {
            throw new IllegalArgumentException(record.getClass().getSimpleName()
                    + " has a string longer than 65,535 bytes in modified UTF-8", e);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return frame.seal(record);
    }

    /** The CRC32C of {@code length} bytes of {@code bytes} from {@code offset}. */
    static int checksum(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        return (int) crc.getValue();
    }

    /**
     * Decodes the payload of a frame.
     *
     * @throws IOException if the payload does not hold exactly one record
     */
    static LogRecord decode(byte[] bytes, int offset, int length) throws IOException {
        PayloadReader in = new PayloadReader(bytes, offset, offset + length);
        byte type = in.readByte();
        LogRecord record = switch (type) {
            case IMPRESSION -> new ImpressionRecord(in.readLong(), in.readUTF(), in.readUTF(), in.readUTF(),
                    in.readUTF(), in.readUTF(), in.readBoolean(), in.readStrings(), in.readUTF());
            case OUTCOME -> new OutcomeRecord(in.readLong(), in.readUTF(), in.readUTF(), in.readKind(),
                    in.readLong());
            case FAILURE -> new FailureRecord(in.readLong(), in.readUTF(), in.readUTF(), in.readUTF(), in.readUTF());
            case SHADOW -> new ShadowRecord(in.readLong(), in.readUTF(), in.readUTF(), in.readUTF(),
                    in.readStrings(), in.readDouble());
            case ALLOCATION -> new AllocationRecord(in.readLong(), in.readUTF(), in.readUTF(), in.readUTF());
            default -> throw new IOException("unknown record type " + type);
        };
        in.expectEnd();
        return record;
    }

    private static void writePayload(LogRecord record, DataOutputStream out) throws IOException {
        if (record instanceof ImpressionRecord r) {
            out.writeByte(IMPRESSION);
            out.writeLong(r.loggedAtMillis());
            out.writeUTF(r.requestId());
            out.writeUTF(r.customerId());
            out.writeUTF(r.experimentId());
            out.writeUTF(r.variant());
            out.writeUTF(r.routedFrom());
            out.writeBoolean(r.fallback());
            writeStrings(r.productIds(), out);
            out.writeUTF(r.servedBy());
        } else if (record instanceof OutcomeRecord r) {
            out.writeByte(OUTCOME);
            out.writeLong(r.loggedAtMillis());
            out.writeUTF(r.requestId());
            out.writeUTF(r.productId());
            out.writeByte(kindCode(r.kind()));
            out.writeLong(r.occurredAtMillis());
        } else if (record instanceof FailureRecord r) {
            out.writeByte(FAILURE);
            out.writeLong(r.loggedAtMillis());
            out.writeUTF(r.requestId());
            out.writeUTF(r.experimentId());
            out.writeUTF(r.variant());
            out.writeUTF(r.reason());
        } else if (record instanceof ShadowRecord r) {
            out.writeByte(SHADOW);
            out.writeLong(r.loggedAtMillis());
            out.writeUTF(r.requestId());
            out.writeUTF(r.experimentId());
            out.writeUTF(r.variant());
            writeStrings(r.productIds(), out);
            out.writeDouble(r.overlap());
        } else if (record instanceof AllocationRecord r) {
            out.writeByte(ALLOCATION);
            out.writeLong(r.loggedAtMillis());
            out.writeUTF(r.experimentId());
            out.writeUTF(r.change());
            out.writeUTF(r.detail());
        } else {
            throw new AssertionError("unhandled record type " + record.getClass());
        }
    }

    private static void writeStrings(List<String> strings, DataOutputStream out) throws IOException {
        out.writeInt(strings.size());
        for (String s : strings) {
            out.writeUTF(s);
        }
    }

    /** Stable codes, independent of the enum's declaration order. */
    private static int kindCode(OutcomeKind kind) {
        return switch (kind) {
            case CLICK -> 1;
            case APPLY -> 2;
            case PURCHASE -> 3;
        };
    }

    /** A byte array output stream that fills in a frame's length and checksum without copying twice. */
    private static final class FrameOutput extends ByteArrayOutputStream {

        FrameOutput() {
            super(128);
        }

        byte[] seal(LogRecord record) {
            int length = count - FRAME_HEADER_BYTES;
            if (length > MAX_PAYLOAD_BYTES) {
                throw new IllegalArgumentException(record.getClass().getSimpleName() + " takes " + length
                        + " bytes, more than the " + MAX_PAYLOAD_BYTES + " a log record may take");
            }
            putInt(0, length);
            putInt(4, checksum(buf, FRAME_HEADER_BYTES, length));
            return Arrays.copyOf(buf, count);
        }

        private void putInt(int at, int value) {
            buf[at] = (byte) (value >>> 24);
            buf[at + 1] = (byte) (value >>> 16);
            buf[at + 2] = (byte) (value >>> 8);
            buf[at + 3] = (byte) value;
        }
    }

    /** Reads {@link DataOutputStream}'s encoding straight from an array, with a fast path for ASCII strings. */
    private static final class PayloadReader {

        private final byte[] bytes;
        private final int end;
        private int position;

        PayloadReader(byte[] bytes, int offset, int end) {
            this.bytes = bytes;
            this.position = offset;
            this.end = end;
        }

        byte readByte() throws IOException {
            need(1);
            return bytes[position++];
        }

        boolean readBoolean() throws IOException {
            byte b = readByte();
            if (b != 0 && b != 1) {
                throw new IOException("invalid boolean byte " + b);
            }
            return b == 1;
        }

        int readInt() throws IOException {
            need(4);
            int value = (bytes[position] & 0xFF) << 24 | (bytes[position + 1] & 0xFF) << 16
                    | (bytes[position + 2] & 0xFF) << 8 | bytes[position + 3] & 0xFF;
            position += 4;
            return value;
        }

        long readLong() throws IOException {
            return (long) readInt() << 32 | readInt() & 0xFFFF_FFFFL;
        }

        double readDouble() throws IOException {
            return Double.longBitsToDouble(readLong());
        }

        OutcomeKind readKind() throws IOException {
            byte code = readByte();
            return switch (code) {
                case 1 -> OutcomeKind.CLICK;
                case 2 -> OutcomeKind.APPLY;
                case 3 -> OutcomeKind.PURCHASE;
                default -> throw new IOException("unknown outcome kind code " + code);
            };
        }

        String readUTF() throws IOException {
            need(2);
            int start = position;
            int length = (bytes[start] & 0xFF) << 8 | bytes[start + 1] & 0xFF;
            position += 2;
            need(length);
            position += length;
            for (int i = start + 2; i < position; i++) {
                if (bytes[i] <= 0) { // not ASCII (modified UTF-8 never writes a zero byte)
                    return new DataInputStream(new ByteArrayInputStream(bytes, start, length + 2)).readUTF();
                }
            }
            return new String(bytes, start + 2, length, StandardCharsets.ISO_8859_1);
        }

        List<String> readStrings() throws IOException {
            int count = readInt();
            if (count < 0 || count > (end - position) / 2) {
                throw new IOException("invalid list size " + count);
            }
            String[] strings = new String[count];
            for (int i = 0; i < count; i++) {
                strings[i] = readUTF();
            }
            return List.of(strings);
        }

        void expectEnd() throws IOException {
            if (position != end) {
                throw new IOException((end - position) + " unexpected bytes after the record");
            }
        }

        private void need(int n) throws IOException {
            if (end - position < n) {
                throw new IOException("the payload ends inside a field");
            }
        }
    }
}
