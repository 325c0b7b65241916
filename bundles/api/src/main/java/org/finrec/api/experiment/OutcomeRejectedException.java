package org.finrec.api.experiment;

/**
 * An outcome was not recorded: its request is unknown or older than the attribution window, its product was not
 * recommended in that response, or the outcome log could not be written. Nothing of the outcome was kept, so the
 * host may retry it.
 */
public class OutcomeRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was rejected and why, naming the request id
     * @param cause the underlying failure, or null
     */
    public OutcomeRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
