package org.finrec.experiment.internal.allocation;

import java.util.Objects;

/**
 * A variant's name and allocation weight, as given to {@link BucketTable#of(String, java.util.List)}.
 *
 * @param name the variant's name, which together with the salt decides its buckets; not containing
 *        U+0000
 * @param weight the variant's relative weight, at least 0; 0 gives it no buckets
 */
public record VariantWeight(String name, int weight) {

    /**
     * Validates the components.
     *
     * @param name the name component
     * @param weight the weight component
     * @throws IllegalArgumentException if the name contains U+0000 or the weight is negative
     */
    public VariantWeight {
        Objects.requireNonNull(name, "name");
        if (name.indexOf('\u0000') >= 0) {
            throw new IllegalArgumentException("the variant name must not contain the character U+0000: " + name);
        }
        if (weight < 0) {
            throw new IllegalArgumentException("the weight of variant " + name + " must not be negative: " + weight);
        }
    }
}
