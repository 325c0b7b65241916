package org.finrec.core.internal;

import java.util.List;
import java.util.Map;
import org.finrec.api.config.ConfigurationReader;
import org.finrec.api.config.InvalidConfigurationException;

/**
 * The facade's settings, read and checked in full from its configuration ({@link FacadeConfiguration} describes
 * them to operators) before any is applied: a refused configuration leaves the previous settings serving.
 *
 * @param recommender name of the recommender that serves requests
 * @param fallbackRecommender name of the recommender that stands in
 * @param timeBudgetMillis how long one recommender may take per request
 * @param maxK the most recommendations one response holds
 * @param requiredPolicies suitability policies that must be registered for the facade to serve
 * @param workerThreads most recommender calls running at once
 * @param drainTimeoutMillis how long a departing recommender's running calls are waited for
 */
record FacadeSettings(String recommender, String fallbackRecommender, long timeBudgetMillis, int maxK,
        List<String> requiredPolicies, int workerThreads, long drainTimeoutMillis) {

    /** Ten minutes: a budget beyond it is a typo (seconds taken for milliseconds), not a latency target. */
    static final long MAX_BUDGET_MILLIS = 600_000;
    static final int MAX_K = 10_000;
    static final int MAX_WORKER_THREADS = 1_024;

    /**
     * Reads every setting of a configuration, with the defaults of {@link FacadeConfiguration}.
     *
     * @throws InvalidConfigurationException naming the PID, the property and the value of the first bad setting
     */
    static FacadeSettings from(Map<String, ?> properties) {
        ConfigurationReader reader = ConfigurationReader.of(RecommendationFacade.PID, properties);
        return new FacadeSettings(
                reader.text("recommender", "popularity"),
                reader.text("fallback.recommender", "popularity"),
                reader.longInteger("time.budget.ms", 250, 1, MAX_BUDGET_MILLIS),
                reader.integer("max.k", 100, 1, MAX_K),
                reader.texts("required.policies", List.of("risk-and-age")),
                reader.integer("worker.threads", 32, 1, MAX_WORKER_THREADS),
                reader.longInteger("drain.timeout.ms", 10_000, 0, MAX_BUDGET_MILLIS));
    }
}
