package org.finrec.api.experiment;

import java.util.Objects;
import java.util.Optional;
import org.finrec.api.recommend.Recommendation;

/**
 * Which experiment variant serves one request, as the {@link ExperimentService} decides it.
 *
 * @param experimentId the experiment, empty for {@link #NONE}
 * @param variant the variant that serves; {@value Recommendation#DEFAULT_VARIANT} outside experiments
 * @param recommenderFilter OSGi filter over the service properties of the recommender that serves the variant;
 *     empty when the facade's configured recommender serves
 * @param shadowVariant the shadow variant computed alongside without being served, empty when there is none
 * @param shadowFilter OSGi filter naming the shadow variant's recommender, present exactly when
 *     {@code shadowVariant} is
 * @param routedFrom the variant this request belongs to when a guardrail has routed that variant's customers to
 *     the control; such requests count toward neither variant's statistics
 */
public record Assignment(
        String experimentId,
        String variant,
        Optional<String> recommenderFilter,
        Optional<String> shadowVariant,
        Optional<String> shadowFilter,
        Optional<String> routedFrom) {

    /** The assignment of a request that no experiment takes part in. */
    public static final Assignment NONE = new Assignment("", Recommendation.DEFAULT_VARIANT, Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty());

    /**
     * Validates the components.
     *
     * @param experimentId the experimentId component
     * @param variant the variant component
     * @param recommenderFilter the recommenderFilter component
     * @param shadowVariant the shadowVariant component
     * @param shadowFilter the shadowFilter component
     * @param routedFrom the routedFrom component
     * @throws IllegalArgumentException if only one of shadowVariant and shadowFilter is present
     * @throws NullPointerException if a component is null
     */
    public Assignment {
        Objects.requireNonNull(experimentId, "experimentId");
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(recommenderFilter, "recommenderFilter");
        Objects.requireNonNull(routedFrom, "routedFrom");
        if (Objects.requireNonNull(shadowVariant, "shadowVariant").isPresent()
                != Objects.requireNonNull(shadowFilter, "shadowFilter").isPresent()) {
            throw new IllegalArgumentException("shadowVariant and shadowFilter go together");
        }
    }

    /**
     * Tells whether the request takes part in an experiment.
     *
     * @return {@code false} for {@link #NONE}
     */
    public boolean inExperiment() {
        return !experimentId.isEmpty();
    }
}
