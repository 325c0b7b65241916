package org.finrec.core.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
        name = "Finrec recommendation facade",
        description = "Which recommender serves requests, which one stands in when it cannot, and how long it may take")
@interface FacadeConfiguration {

    @AttributeDefinition(
            name = "Recommender",
            description = "Name (service property finrec.recommender.name) of the recommender that serves requests")
    String recommender() default "popularity";

    @AttributeDefinition(
            name = "Fallback recommender",
            description = "Name of the recommender that serves when the chosen one is absent, fails, runs out of time "
                    + "or has no opinion on enough products")
    String fallback_recommender() default "popularity";

    @AttributeDefinition(
            name = "Time budget (ms)",
            description = "How long one recommender may take to score and explain a request; the fallback gets the "
                    + "same budget again",
            min = "1")
    long time_budget_ms() default 250;

    @AttributeDefinition(
            name = "Largest k",
            description = "Requests for more recommendations are served with this many",
            min = "1")
    int max_k() default 100;

    @AttributeDefinition(
            name = "Required suitability policies",
            description = "Names (service property finrec.policy.name) of the suitability policies that must be "
                    + "registered for the facade to serve; while one is missing every request fails instead of "
                    + "serving unchecked products")
    String[] required_policies() default { "risk-and-age" };

    @AttributeDefinition(
            name = "Worker threads",
            description = "Most recommender calls running at once; a saturated pool (for example by hung "
                    + "recommenders) makes requests fall back in the caller's thread",
            min = "1")
    int worker_threads() default 32;

    @AttributeDefinition(
            name = "Drain timeout (ms)",
            description = "When a recommender service goes away (its bundle is updated or stopped), how long its "
                    + "removal waits for the calls already running on it to finish",
            min = "0")
    long drain_timeout_ms() default 10_000;
}
