package org.finrec.api.experiment;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The statistics of one variant.
 *
 * @param name the variant's name
 * @param control whether this variant is the experiment's control
 * @param state whether the variant serves, is halted or is a shadow
 * @param trafficShare the share of the experiment's customers allocated to the variant, in [0, 1]; 0 for a shadow
 * @param impressions responses served (for a shadow: rankings computed)
 * @param failures requests the variant's recommender failed so that the facade could not serve them at all
 * @param fallbacks served responses that the fallback recommender completed, wholly or in part
 * @param routedImpressions requests of this variant's customers served by the control after a guardrail tripped
 * @param rates per outcome kind, the share of impressions with at least one such outcome; empty for a shadow
 * @param versusControl per outcome kind, the comparison with the control; empty for the control and a shadow
 * @param shadowOverlap for a shadow, the mean share of its top k that the served response also recommended
 * @param haltReason why a guardrail halted the variant, empty unless {@code state} is {@link VariantState#HALTED}
 */
public record VariantReport(
        String name,
        boolean control,
        VariantState state,
        double trafficShare,
        long impressions,
        long failures,
        long fallbacks,
        long routedImpressions,
        Map<OutcomeKind, Proportion> rates,
        Map<OutcomeKind, Comparison> versusControl,
        OptionalDouble shadowOverlap,
        Optional<String> haltReason) {

    /**
     * Validates and copies the components.
     *
     * @param name the name component
     * @param control the control component
     * @param state the state component
     * @param trafficShare the trafficShare component
     * @param impressions the impressions component
     * @param failures the failures component
     * @param fallbacks the fallbacks component
     * @param routedImpressions the routedImpressions component
     * @param rates the rates component
     * @param versusControl the versusControl component
     * @param shadowOverlap the shadowOverlap component
     * @param haltReason the haltReason component
     * @throws NullPointerException if a component is null
     */
    public VariantReport {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        rates = Map.copyOf(rates);
        versusControl = Map.copyOf(versusControl);
        Objects.requireNonNull(shadowOverlap, "shadowOverlap");
        Objects.requireNonNull(haltReason, "haltReason");
    }

    /**
     * Returns the click-through rate: the share of impressions with at least one click.
     *
     * @return the rate, or empty for a shadow
     */
    public Optional<Proportion> clickThroughRate() {
        return Optional.ofNullable(rates.get(OutcomeKind.CLICK));
    }

    /**
     * Returns the conversion rate: the share of impressions with at least one purchase.
     *
     * @return the rate, or empty for a shadow
     */
    public Optional<Proportion> conversionRate() {
        return Optional.ofNullable(rates.get(OutcomeKind.PURCHASE));
    }
}
