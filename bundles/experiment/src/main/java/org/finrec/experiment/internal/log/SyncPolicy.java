package org.finrec.experiment.internal.log;

/**
 * When the {@link OutcomeLog} forces its file to stable storage ({@code FileChannel.force(false)}), and therefore when
 * the future returned by {@link OutcomeLog#append} completes. Whatever the policy, {@link OutcomeLog#close()} forces
 * everything written, and a segment file is forced before the log moves on to the next one.
 */
public enum SyncPolicy {

    /**
     * Group commit: a record's future completes only after a force that covers the record has returned, so an
     * acknowledged record survives a process crash and a power loss. The writer forces once per batch; records that
     * arrive while a force is running are written and forced together in the next batch.
     */
    EVERY_BATCH,

    /**
     * The writer forces at most once per {@link LogSettings#syncIntervalMillis()}, and a record's future completes
     * only after the force that covers it has returned, so an acknowledged record survives a process crash and a
     * power loss. A record waits at most about one interval (plus the force itself) for its acknowledgement.
     */
    INTERVAL,

    /**
     * No force per record: a record's future completes once the record has been written to the operating system
     * ({@code FileChannel.write} returned). An acknowledged record survives a crash of the process (even
     * {@code SIGKILL}) but may be lost on a power loss or a crash of the operating system.
     */
    NONE
}
