package org.finrec.experiment.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
        name = "Finrec experiment",
        description = "An A/B experiment on recommenders: which requests take part, which variants serve them with "
                + "which share of the customers, and the guardrails that halt a variant automatically")
@interface ExperimentConfiguration {

    @AttributeDefinition(name = "Id", description = "The experiment's unique id, recorded with every impression")
    String id();

    @AttributeDefinition(
            name = "Salt",
            description = "Mixed into the hash that assigns customers to buckets; empty means the id. A new salt "
                    + "reshuffles every customer, so change it only together with a new id",
            required = false)
    String salt() default "";

    @AttributeDefinition(
            name = "Eligibility",
            description = "OSGi filter over the request: channel, placement, segment, preferredChannel, ageBand, "
                    + "riskTolerance, and the customer's and the context's attributes, for example "
                    + "(&(channel=mobile)(segment=individual)); empty takes every request",
            required = false)
    String eligibility() default "";

    @AttributeDefinition(
            name = "Priority",
            description = "When a request is eligible for several experiments, the one with the highest priority "
                    + "(then the lowest id) takes it")
    int priority() default 0;

    @AttributeDefinition(
            name = "Variants",
            description = "name:weight:filter, one per variant, the control first; the filter selects the "
                    + "recommender service, for example control:90:(finrec.recommender.name=popularity)")
    String[] variants();

    @AttributeDefinition(
            name = "Shadow variant",
            description = "name:filter of a recommender ranked for every request of the experiment and logged, "
                    + "never served; empty for none",
            required = false)
    String shadow() default "";

    @AttributeDefinition(
            name = "Planned impressions per variant",
            description = "The sample size fixed before the start; fixed-horizon p-values are valid only once "
                    + "every variant has reached it (0: none planned)",
            min = "0")
    long planned_impressions() default 0;

    @AttributeDefinition(
            name = "Guardrail: error rate",
            description = "A treatment whose share of requests that could not be served passes this is halted",
            min = "0", max = "1")
    double guardrail_error_rate() default 0.02;

    @AttributeDefinition(
            name = "Guardrail: fallback rate",
            description = "A treatment whose share of responses completed by the fallback recommender passes this "
                    + "is halted",
            min = "0", max = "1")
    double guardrail_fallback_rate() default 0.25;

    @AttributeDefinition(
            name = "Guardrail: significance",
            description = "A treatment whose click-through rate is below the control's with an always-valid p-value "
                    + "(customers as the unit, delta-method variance) under this is halted",
            min = "0", max = "1")
    double guardrail_significance() default 0.01;

    @AttributeDefinition(
            name = "Guardrail: minimum impressions",
            description = "Guardrails judge a treatment only once it and the control have this many impressions",
            min = "1")
    long guardrail_minimum_impressions() default 500;

    @AttributeDefinition(
            name = "Mixing variance",
            description = "Variance of the normal prior on the rate difference in the always-valid test (tau "
                    + "squared); near the square of the smallest difference worth detecting",
            min = "0")
    double mixing_variance() default 1.0e-4;
}
