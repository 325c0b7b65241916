package org.finrec.runtime;

/** The Finrec runtime could not start, provision or reach a service; the message names what and why. */
public class FinrecRuntimeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, naming the feature, bundle, file or service involved
     * @param cause the underlying failure, or null
     */
    public FinrecRuntimeException(String message, Throwable cause) {
        super(message, cause);
    }
}
