package org.finrec.api.recommend;

import java.util.List;
import java.util.Objects;
import org.finrec.api.Product;

/**
 * One recommended product with its score, rank, reasons and provenance.
 *
 * @param product the recommended product, never null
 * @param rank position in the response, 1 for the first
 * @param score the score after suitability adjustments, finite; comparable only within one response
 * @param reasons why the product is recommended and why it is suitable, at least one; never null
 * @param recommender the name of the recommender that scored the product, never blank
 * @param modelVersion the version of the model that scored it, never blank
 * @param recommenderBundle the bundle that provided the recommender, as {@code symbolic-name/version}; tells which
 *     build of the code scored the product when bundles are updated at run time
 * @param variant the experiment variant that served the request; {@value #DEFAULT_VARIANT} outside experiments
 */
public record Recommendation(
        Product product,
        int rank,
        double score,
        List<Reason> reasons,
        String recommender,
        String modelVersion,
        String recommenderBundle,
        String variant) {

    /** The variant recorded when no experiment assigned one. */
    public static final String DEFAULT_VARIANT = "default";

    /**
     * Validates and copies the components.
     *
     * @param product the product component
     * @param rank the rank component
     * @param score the score component
     * @param reasons the reasons component
     * @param recommender the recommender component
     * @param modelVersion the modelVersion component
     * @param recommenderBundle the recommenderBundle component
     * @param variant the variant component
     * @throws IllegalArgumentException if the rank is below 1, the score is not finite or reasons are missing
     */
    public Recommendation {
        Objects.requireNonNull(product, "product");
        if (rank < 1) {
            throw new IllegalArgumentException("rank must be >= 1, got " + rank);
        }
        if (!Double.isFinite(score)) {
            throw new IllegalArgumentException("recommendation of " + product.id() + ": score must be finite");
        }
        reasons = List.copyOf(reasons);
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("recommendation of " + product.id() + ": needs at least one reason");
        }
        Objects.requireNonNull(recommender, "recommender");
        Objects.requireNonNull(modelVersion, "modelVersion");
        Objects.requireNonNull(recommenderBundle, "recommenderBundle");
        Objects.requireNonNull(variant, "variant");
    }
}
