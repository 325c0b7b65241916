package org.finrec.experiment.internal.log;

import java.util.Objects;

/**
 * How an {@link OutcomeLog} writes.
 *
 * @param syncPolicy         when the log forces its file and acknowledges records
 * @param syncIntervalMillis the least time between two forces under {@link SyncPolicy#INTERVAL} (positive there;
 *                           ignored by the other policies)
 * @param segmentBytes       the log starts a new segment file once the current one holds at least this many bytes
 * @param queueCapacity      how many appended records may wait for the writer before {@link OutcomeLog#append}
 *                           blocks
 */
public record LogSettings(SyncPolicy syncPolicy, long syncIntervalMillis, long segmentBytes, int queueCapacity) {

    /** Validates the settings. */
    public LogSettings {
        Objects.requireNonNull(syncPolicy, "syncPolicy");
        if (syncIntervalMillis < 0 || (syncPolicy == SyncPolicy.INTERVAL && syncIntervalMillis == 0)) {
            throw new IllegalArgumentException("syncIntervalMillis must be positive with INTERVAL and not negative: "
                    + syncIntervalMillis);
        }
        if (segmentBytes <= SegmentFiles.HEADER_BYTES) {
            throw new IllegalArgumentException("segmentBytes must exceed the " + SegmentFiles.HEADER_BYTES
                    + "-byte segment header: " + segmentBytes);
        }
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queueCapacity must be at least 1: " + queueCapacity);
        }
    }

    /** Group commit, 64 MiB segments, 8,192 queued records. */
    public static LogSettings defaults() {
        return new LogSettings(SyncPolicy.EVERY_BATCH, 1_000, 64L << 20, 8_192);
    }
}
