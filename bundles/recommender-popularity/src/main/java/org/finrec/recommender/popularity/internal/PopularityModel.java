package org.finrec.recommender.popularity.internal;

import java.util.HashMap;
import java.util.Map;
import org.finrec.api.ProductCatalog;
import org.finrec.api.data.Model;
import org.finrec.api.model.ContentVersion;
import org.finrec.api.model.ModelVersion;
import org.finrec.api.spi.CatalogueIndexMap;

/**
 * How many customers adopted each product, overall and per segment. Immutable; shared by all requests.
 *
 * <p>A product's score for a customer of segment {@code s} is the segment's adoption rate shrunk towards the
 * overall rate: {@code (c_sp + m * g_p) / (n_s + m)}, where {@code c_sp} counts adopters in the segment,
 * {@code n_s} the segment's customers, {@code g_p} the overall adoption rate and {@code m} the smoothing weight.
 * Small segments therefore lean on the overall rate and large ones speak for themselves.
 *
 * <p>The version is the content hash of the model's encoding by {@link PopularityCodec} (see {@link ModelVersion}): a
 * loaded model knows it from its file, a trained one works it out when first asked.
 */
final class PopularityModel implements Model {

    private final ContentVersion version;
    private final String segmentAttribute;
    private final double smoothing;
    private final int customerCount;
    private final String[] productIds;
    private final Map<String, Integer> productIndex;
    /** Each serving catalogue's products as this model's indices, worked out once per catalogue snapshot. */
    private final CatalogueIndexMap catalogueIndex = new CatalogueIndexMap(this::productIndex);
    private final double[] overallRate;
    private final int[] adopters;
    private final Map<String, SegmentCounts> segments;

    /** Adoption counts within one segment. */
    record SegmentCounts(int customers, int[] adopters) {
    }

    /**
     * @param version the content hash of a loaded model, null for one trained here
     */
    PopularityModel(String version, String segmentAttribute, double smoothing, int customerCount,
            String[] productIds, int[] adopters, Map<String, SegmentCounts> segments) {
        this.version = new ContentVersion(version);
        this.segmentAttribute = segmentAttribute;
        this.smoothing = smoothing;
        this.customerCount = customerCount;
        this.adopters = adopters.clone();
        this.productIds = productIds.clone();
        this.productIndex = new HashMap<>(productIds.length * 2);
        this.overallRate = new double[productIds.length];
        for (int p = 0; p < productIds.length; p++) {
            productIndex.put(productIds[p], p);
            overallRate[p] = customerCount == 0 ? 0 : (double) adopters[p] / customerCount;
        }
        this.segments = Map.copyOf(segments);
    }

    @Override
    public String version() {
        return version.of(this, PopularityCodec.CODEC);
    }

    /** The product ids by model index (the model's own array: never modify). */
    String[] productIds() {
        return productIds;
    }

    /** Adopters per product by model index (the model's own array: never modify). */
    int[] adopters() {
        return adopters;
    }

    double smoothing() {
        return smoothing;
    }

    /** Every segment's counts, by segment name. */
    Map<String, SegmentCounts> segments() {
        return segments;
    }

    String segmentAttribute() {
        return segmentAttribute;
    }

    int customerCount() {
        return customerCount;
    }

    /** The model's index of every product of a catalogue, -1 for products it never saw; shared, never modify. */
    int[] productIndices(ProductCatalog catalog) {
        return catalogueIndex.modelIndices(catalog);
    }

    /** The product's index in this model, or -1 for a product the training data did not contain. */
    int productIndex(String productId) {
        return productIndex.getOrDefault(productId, -1);
    }

    double overallRate(int product) {
        return overallRate[product];
    }

    int adopters(int product) {
        return adopters[product];
    }

    /** The counts of a segment, or null when the segment is unknown or was not in the training data. */
    SegmentCounts segment(String segment) {
        return segment == null ? null : segments.get(segment);
    }

    /** The weight {@code n_s / (n_s + m)} of the segment's own rate in a score; 0 without a segment. */
    double segmentWeight(SegmentCounts counts) {
        return counts == null ? 0 : counts.customers() / (counts.customers() + smoothing);
    }

    /** The segment's own adoption rate of a product. */
    static double segmentRate(SegmentCounts counts, int product) {
        return counts.customers() == 0 ? 0 : (double) counts.adopters()[product] / counts.customers();
    }

    /** The score of a product for a customer of the given segment (null when unknown). */
    double score(int product, SegmentCounts counts) {
        double weight = segmentWeight(counts);
        double segmentPart = counts == null ? 0 : weight * segmentRate(counts, product);
        return segmentPart + (1 - weight) * overallRate[product];
    }
}
