package org.finrec.experiment.internal.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.finrec.api.experiment.OutcomeKind;
import org.finrec.experiment.internal.log.LogRecord.AllocationRecord;
import org.finrec.experiment.internal.log.LogRecord.FailureRecord;
import org.finrec.experiment.internal.log.LogRecord.ImpressionRecord;
import org.finrec.experiment.internal.log.LogRecord.OutcomeRecord;
import org.finrec.experiment.internal.log.LogRecord.ShadowRecord;

/** Records, a recording state machine and file helpers for the log tests. */
final class LogTestSupport {

    private LogTestSupport() {
    }

    static LogSettings settings(SyncPolicy policy) {
        return new LogSettings(policy, 50, 1 << 20, 1_024);
    }

    /** One record of each type, with awkward strings. */
    static List<LogRecord> oneOfEach() {
        return List.of(
                new ImpressionRecord(1_700_000_000_000L, "req-1", "cust-ü-€-\uD83D\uDE00", "exp-a", "treatment", "",
                        true, List.of("p1", "p2", "p3"), "popularity-segment"),
                new ImpressionRecord(-1L, "", "", "", "", "control", false, List.of(), ""),
                new OutcomeRecord(1_700_000_000_001L, "req-1", "p2", OutcomeKind.CLICK, 1_699_999_999_999L),
                new OutcomeRecord(2L, "req-1", "p2", OutcomeKind.APPLY, 3L),
                new OutcomeRecord(Long.MAX_VALUE, "req-1", "p3", OutcomeKind.PURCHASE, Long.MIN_VALUE),
                new FailureRecord(5L, "req-2", "exp-a", "treatment", "timeout after 50 ms\nline two\u0000nul"),
                new ShadowRecord(6L, "req-3", "exp-a", "shadow", List.of("p9", "p1"), 0.3333333333333333),
                new ShadowRecord(7L, "req-4", "exp-a", "shadow", List.of(), Double.NaN),
                new AllocationRecord(8L, "exp-a", "weights", "control=50,treatment=50"));
    }

    /** A distinct, small record per index, cycling through the types. */
    static LogRecord record(int i) {
        String request = "req-" + i;
        return switch (i % 5) {
            case 0 -> new ImpressionRecord(i, request, "cust-" + (i % 97), "exp", "v" + (i % 3), "", i % 7 == 0,
                    List.of("p" + (i % 11), "p" + (i % 13)), "rec");
            case 1 -> new OutcomeRecord(i, request, "p" + (i % 11), OutcomeKind.values()[i % 3], i + 1L);
            case 2 -> new FailureRecord(i, request, "exp", "v1", "boom " + i);
            case 3 -> new ShadowRecord(i, request, "exp", "shadow", List.of("p1"), i / 1e6);
            default -> new AllocationRecord(i, "exp", "change-" + i, "detail");
        };
    }

    static boolean await(CompletableFuture<Boolean> future) throws Exception {
        return future.get(30, TimeUnit.SECONDS);
    }

    static List<Path> segmentFiles(Path folder) throws IOException {
        List<Path> files = new ArrayList<>();
        for (SegmentFiles.Segment segment : SegmentFiles.list(folder)) {
            files.add(segment.file());
        }
        return files;
    }

    /** The byte offsets where the frames of a segment file start, parsed independently of the reader. */
    static List<Long> frameOffsets(Path segment) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(segment));
        List<Long> offsets = new ArrayList<>();
        int offset = SegmentFiles.HEADER_BYTES;
        while (offset < bytes.limit()) {
            offsets.add((long) offset);
            offset += RecordCodec.FRAME_HEADER_BYTES + bytes.getInt(offset);
        }
        return offsets;
    }

    /** Flips every bit of the byte at {@code offset}. */
    static void flipByte(Path file, long offset) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            channel.read(one, offset);
            one.put(0, (byte) ~one.get(0));
            one.rewind();
            channel.write(one, offset);
        }
    }

    static void appendBytes(Path file, byte[] bytes) throws IOException {
        Files.write(file, bytes, StandardOpenOption.APPEND);
    }

    static void truncateBy(Path file, int bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() - bytes);
        }
    }

    /** Records what it is given to apply; admits what a function says (default: everything). */
    static class RecordingStateMachine implements LogStateMachine {

        final List<LogRecord> applied = Collections.synchronizedList(new ArrayList<>());
        final List<LogRecord> admitted = Collections.synchronizedList(new ArrayList<>());
        private final Function<LogRecord, Admission> admission;

        RecordingStateMachine() {
            this(record -> Admission.ACCEPT);
        }

        RecordingStateMachine(Function<LogRecord, Admission> admission) {
            this.admission = admission;
        }

        @Override
        public Admission admit(LogRecord record) {
            admitted.add(record);
            return admission.apply(record);
        }

        @Override
        public void apply(LogRecord record) {
            applied.add(record);
        }

        List<LogRecord> applied() {
            synchronized (applied) {
                return List.copyOf(applied);
            }
        }
    }

    /** Replays a folder into a fresh state machine and closes the log again. */
    static List<LogRecord> replay(Path folder) throws IOException {
        RecordingStateMachine state = new RecordingStateMachine();
        OutcomeLog.open(folder, settings(SyncPolicy.NONE), state).close();
        return state.applied();
    }
}
