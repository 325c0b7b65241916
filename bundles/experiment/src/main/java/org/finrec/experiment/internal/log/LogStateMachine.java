package org.finrec.experiment.internal.log;

/**
 * The in-memory aggregates built from an {@link OutcomeLog}. After {@link OutcomeLog#open} returns, the log calls
 * both methods on its single writer thread only, one record at a time, in log order; during {@code open} it calls
 * {@link #apply} on the opening thread for every recovered record.
 *
 * <p>An exception other than {@link RecordRejectedException} thrown by either method during writing puts the log in
 * its failed state (see {@link OutcomeLog#append}); thrown during recovery, it propagates out of
 * {@link OutcomeLog#open}. Neither method may call {@link OutcomeLog#append}.
 */
public interface LogStateMachine {

    /** What to do with an appended record. */
    enum Admission {
        /** Write the record. */
        ACCEPT,
        /** The record is already logged: do not write it; its future completes with {@code false}. */
        DUPLICATE
    }

    /**
     * Decides whether an appended record is written. Called before the record is written and after
     * {@link #apply} for every record logged before it, so it sees their effects.
     *
     * @return {@link Admission#ACCEPT} to write it, {@link Admission#DUPLICATE} to drop it as already logged
     * @throws RecordRejectedException to refuse it; the exception completes the record's future
     */
    Admission admit(LogRecord record) throws RecordRejectedException;

    /**
     * Adds a logged record to the aggregates: for each accepted record as soon as it is in the writer's output (and
     * before the force that makes it durable), and for each record replayed by {@link OutcomeLog#open}.
     */
    void apply(LogRecord record);
}
