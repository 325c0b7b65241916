package org.finrec.runtime.internal;

import java.time.Duration;
import org.finrec.api.recommend.RecommendationRequest;
import org.finrec.api.recommend.RecommendationResponse;
import org.finrec.api.recommend.RecommendationService;
import org.finrec.api.recommend.RecommendationUnavailableException;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The host's handle on the facade: every call goes to the facade registered now, so that the core bundle can be
 * updated or restarted under a host that keeps this object; a call made while no facade is registered waits up to
 * a timeout for one.
 */
public final class LiveRecommendationService implements RecommendationService {

    private final ServiceTracker<RecommendationService, RecommendationService> tracker;
    private final Duration waitForService;

    /**
     * Creates the handle.
     *
     * @param tracker an open tracker of the facade
     * @param waitForService how long a call waits for a facade to appear
     */
    public LiveRecommendationService(ServiceTracker<RecommendationService, RecommendationService> tracker,
            Duration waitForService) {
        this.tracker = tracker;
        this.waitForService = waitForService;
    }

    @Override
    public RecommendationResponse recommend(RecommendationRequest request) {
        RecommendationService facade = tracker.getService();
        if (facade == null) {
            try {
                facade = tracker.waitForService(waitForService.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (facade == null) {
            throw new RecommendationUnavailableException("no RecommendationService registered within "
                    + waitForService.toMillis() + " ms (is the core feature provisioned and its catalogue "
                    + "registered?)", null);
        }
        return facade.recommend(request);
    }
}
