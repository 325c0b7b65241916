package org.finrec.experiment.internal.log;

/**
 * A snapshot of an {@link OutcomeLog}'s counters, for monitoring.
 *
 * @param recordsRecovered records replayed by {@link OutcomeLog#open}
 * @param recordsWritten   records accepted and written since the log was opened
 * @param bytesWritten     bytes written to segment files since the log was opened, headers included
 * @param segments         segment files in the log folder
 * @param forces           forces to stable storage since the log was opened
 * @param lastForceMicros  how long the latest force took, in microseconds; 0 before the first
 * @param queued           appended records waiting for the writer
 */
public record LogStatistics(long recordsRecovered, long recordsWritten, long bytesWritten, long segments, long forces,
                            long lastForceMicros, int queued) {
}
