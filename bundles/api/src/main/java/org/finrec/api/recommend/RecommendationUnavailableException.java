package org.finrec.api.recommend;

/**
 * Thrown by {@link RecommendationService#recommend} when no recommender, not even the fallback, can serve the
 * request (for example while the popularity bundle is stopped and the chosen recommender failed).
 */
public class RecommendationUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was unavailable and why
     * @param cause the last failure, or null
     */
    public RecommendationUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
