package org.finrec.experiment.internal.log;

/**
 * Thrown by {@link LogStateMachine#admit} to refuse a record: the record is not written and its
 * {@link OutcomeLog#append} future completes exceptionally with this exception.
 */
public class RecordRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message why the record is refused, for the caller of {@link OutcomeLog#append} */
    public RecordRejectedException(String message) {
        super(message);
    }
}
