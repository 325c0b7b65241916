package org.finrec.experiment.internal.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

/**
 * Reads segment files for recovery, through one reusable window of the file, and tells a torn tail (which a crash
 * during a write leaves) from corruption.
 *
 * <p>A bad frame in the last segment is a torn tail when no valid frame follows it anywhere in the file: a crash
 * during a write can cut off or garble only the end of what was being written. A bad frame followed by a valid one,
 * or a bad frame in any other segment, is corruption. So is a last frame that a crash cannot have left: one that is
 * complete to the end of the file (its length is valid and ends exactly there) and fails only its checksum,
 * with no zero-filled page at its end (a crash leaves the unwritten part of a record as zeros, stale bytes of another file, or cuts the file
 * short). Such a record was written whole and changed afterwards, for example by a bit flip on the disk, and it
 * may have been acknowledged: dropping it as a crash's leftover would lose it silently.
 */
final class SegmentReader {

    /** What reading one segment found. */
    record Result(long records, long validBytes, String tornTail) {
        /** Whether bytes after {@link #validBytes()} must be cut off. */
        boolean torn() {
            return tornTail != null;
        }
    }

    private static final int WINDOW_BYTES = 4 << 20;
    /** The smallest unit a crash can leave unwritten inside a file on the file systems the log runs on. */
    private static final int PAGE_BYTES = 4_096;
    private static final int TRUNCATED_HEADER = -1;
    private static final int BAD_LENGTH = -2;
    private static final int TRUNCATED_PAYLOAD = -3;
    private static final int BAD_CHECKSUM = -4;

    private final ByteBuffer window = ByteBuffer.allocate(WINDOW_BYTES);
    private final byte[] bytes = window.array();
    private FileChannel channel;
    private Path file;
    private long size;
    private long windowStart;
    private int payloadIndex;

    /**
     * Reads a segment and hands every valid record to {@code sink}, in order.
     *
     * @param last whether this is the log's last segment, the only one that may end in a torn tail
     * @return how many records it holds and where the valid part ends
     * @throws CorruptLogException if it holds a bad header or frame that is not a torn tail
     */
    Result read(Path segment, boolean last, Consumer<LogRecord> sink) throws IOException {
        try (FileChannel opened = FileChannel.open(segment, StandardOpenOption.READ)) {
            channel = opened;
            file = segment;
            size = opened.size();
            window.clear().flip();
            windowStart = 0;
            return readFrames(last, sink);
        } finally {
            channel = null;
        }
    }

    private Result readFrames(boolean last, Consumer<LogRecord> sink) throws IOException {
        int at = ensure(0, SegmentFiles.HEADER_BYTES);
        if (at < 0) { // a crash while the segment was being created
            return badFrame(0, "segment header cut short (" + size + " of " + SegmentFiles.HEADER_BYTES + " bytes)",
                    last, 0);
        }
        if (window.getLong(at) == 0 && last) { // created, but its header never reached the disk
            return badFrame(0, "segment header is all zero bytes", last, 0);
        }
        String headerProblem = SegmentFiles.headerProblem(window.getInt(at), window.getInt(at + 4));
        if (headerProblem != null) {
            throw new CorruptLogException(file, 0, headerProblem);
        }
        long records = 0;
        long offset = SegmentFiles.HEADER_BYTES;
        while (offset < size) {
            int length = checkFrame(offset);
            if (length < 0) {
                return badFrame(offset, describe(offset, length), last, records);
            }
            LogRecord record;
            try {
                record = RecordCodec.decode(bytes, payloadIndex, length);
            } catch (IOException e) {
                throw new CorruptLogException(file, offset, "record with a valid checksum cannot be read: "
                        + e.getMessage());
            }
            sink.accept(record);
            records++;
            offset += RecordCodec.FRAME_HEADER_BYTES + length;
        }
        return new Result(records, offset, null);
    }

    private Result badFrame(long offset, String problem, boolean last, long records) throws IOException {
        if (!last) {
            throw new CorruptLogException(file, offset, problem + " in a segment that is not the last one");
        }
        if (damagedAfterWriting(offset)) {
            throw new CorruptLogException(file, offset, problem + " in the last record, which is complete to the end"
                    + " of the file: it was written whole and damaged afterwards (for example"
                    + " by a bit flip on the disk), not cut short by a crash, and it may have been acknowledged");
        }
        for (long next = offset + 1; next + RecordCodec.FRAME_HEADER_BYTES < size; next++) {
            if (checkFrame(next) >= 0) {
                throw new CorruptLogException(file, offset, problem + ", yet a valid record follows at byte offset "
                        + next);
            }
        }
        return new Result(records, offset, problem);
    }

    /**
     * Whether the bad frame at {@code offset} is a whole record (a valid length) that ends exactly at the end of
     * the file and has no zero-filled page at its end: the signature of damage to a written record rather than of a torn
     * write.
     */
    private boolean damagedAfterWriting(long offset) throws IOException {
        if (checkFrame(offset) != BAD_CHECKSUM) {
            return false;
        }
        int length = window.getInt(ensure(offset, RecordCodec.FRAME_HEADER_BYTES));
        long end = offset + RecordCodec.FRAME_HEADER_BYTES + length;
        if (end != size) {
            return false;
        }
        int at = ensure(offset, RecordCodec.FRAME_HEADER_BYTES + length) + RecordCodec.FRAME_HEADER_BYTES;
        long lastPageStart = Math.max(offset + RecordCodec.FRAME_HEADER_BYTES, (end - 1) / PAGE_BYTES * PAGE_BYTES);
        int pageAt = at + (int) (lastPageStart - offset - RecordCodec.FRAME_HEADER_BYTES);
        for (int i = pageAt; i < at + length; i++) {
            if (bytes[i] != 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Checks the frame at {@code offset}: its payload length if valid (the payload then starts at
     * {@code bytes[payloadIndex]}), else a negative code.
     */
    private int checkFrame(long offset) throws IOException {
        int at = ensure(offset, RecordCodec.FRAME_HEADER_BYTES);
        if (at < 0) {
            return TRUNCATED_HEADER;
        }
        int length = window.getInt(at);
        int checksum = window.getInt(at + 4);
        if (length < 1 || length > RecordCodec.MAX_PAYLOAD_BYTES) {
            return BAD_LENGTH;
        }
        at = ensure(offset, RecordCodec.FRAME_HEADER_BYTES + length);
        if (at < 0) {
            return TRUNCATED_PAYLOAD;
        }
        payloadIndex = at + RecordCodec.FRAME_HEADER_BYTES;
        return RecordCodec.checksum(bytes, payloadIndex, length) == checksum ? length : BAD_CHECKSUM;
    }

    private String describe(long offset, int code) throws IOException {
        long left = size - offset;
        if (code == TRUNCATED_HEADER) {
            return "record header cut short (" + left + " of " + RecordCodec.FRAME_HEADER_BYTES + " bytes)";
        }
        int length = window.getInt(ensure(offset, RecordCodec.FRAME_HEADER_BYTES));
        if (code == BAD_LENGTH) {
            return "invalid payload length " + length;
        }
        if (code == TRUNCATED_PAYLOAD) {
            return "record of " + length + " payload bytes cut short by the end of the file ("
                    + (left - RecordCodec.FRAME_HEADER_BYTES) + " bytes left)";
        }
        int at = ensure(offset, RecordCodec.FRAME_HEADER_BYTES + length);
        return String.format("checksum mismatch (stored 0x%08X, computed 0x%08X)", window.getInt(at + 4),
                RecordCodec.checksum(bytes, at + RecordCodec.FRAME_HEADER_BYTES, length));
    }

    /**
     * Makes the window hold file bytes {@code [offset, offset + n)}, reading from {@code offset} if it does not.
     *
     * @return the index of {@code offset} in {@link #bytes}, or -1 if the file ends before {@code offset + n}
     */
    private int ensure(long offset, int n) throws IOException {
        if (offset + n > size) {
            return -1;
        }
        if (offset >= windowStart && offset + n <= windowStart + window.limit()) {
            return (int) (offset - windowStart);
        }
        window.clear();
        windowStart = offset;
        while (window.hasRemaining() && windowStart + window.position() < size) {
            if (channel.read(window, windowStart + window.position()) < 0) {
                break;
            }
        }
        window.flip();
        if (window.limit() < n) {
            throw new IOException("outcome log segment " + file + " shrank while being read at byte offset "
                    + offset);
        }
        return 0;
    }
}
