package org.finrec.api.experiment;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A snapshot of one experiment's statistics.
 *
 * @param experimentId the experiment
 * @param generatedAt when the snapshot was taken
 * @param plannedImpressions the impressions per variant planned before the experiment started; the fixed-horizon
 *     p-values are valid only once every serving variant has them (0 when none were planned)
 * @param variants the control first, then the treatments in configuration order, then the shadow if any
 */
public record ExperimentReport(String experimentId, Instant generatedAt, long plannedImpressions,
        List<VariantReport> variants) {

    /**
     * Validates and copies the components.
     *
     * @param experimentId the experimentId component
     * @param generatedAt the generatedAt component
     * @param plannedImpressions the plannedImpressions component
     * @param variants the variants component
     * @throws NullPointerException if a component is null
     */
    public ExperimentReport {
        Objects.requireNonNull(experimentId, "experimentId");
        Objects.requireNonNull(generatedAt, "generatedAt");
        variants = List.copyOf(variants);
    }

    /**
     * Finds a variant by name.
     *
     * @param name the variant's name
     * @return its report, or empty if the experiment has no such variant
     */
    public Optional<VariantReport> variant(String name) {
        return variants.stream().filter(variant -> variant.name().equals(name)).findFirst();
    }

    /**
     * Tells whether the fixed-horizon p-values may be read: a sample size was planned and every serving variant
     * has reached it. Until then only the always-valid p-values are safe to act on.
     *
     * @return {@code true} when the planned sample is complete
     */
    public boolean plannedSampleReached() {
        return plannedImpressions > 0 && variants.stream()
                .filter(variant -> variant.state() != VariantState.SHADOW)
                .allMatch(variant -> variant.impressions() >= plannedImpressions);
    }
}
