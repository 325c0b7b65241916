package org.finrec.recommender.content.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.finrec.api.Interaction;
import org.finrec.api.InteractionKind;
import org.finrec.api.Product;
import org.finrec.api.inference.TextEncoder;
import org.finrec.api.recommend.RecommendationRequest;

/**
 * How close a product's text lies, in a text encoder's embedding space, to what the customer holds, recently viewed
 * and asked for in words. Product texts (name and description) are encoded once and kept per product while their
 * text stays the same; the intent is encoded per request.
 *
 * <p>Similarities to an intent are also given in standard deviations from their average over a reference catalogue,
 * because a sentence encoder puts every product of one bank fairly close to any banking question (for MiniLM and
 * short product descriptions, cosines mostly between 0.0 and 0.35): standardised, the product that answers the
 * question stands out by its rank in the catalogue rather than by a few hundredths of cosine. Thread-safe.
 */
final class TextAffinity {

    /** Where a customer's text comes from. */
    enum Source {
        /** The free-text intent of the request. */
        INTENT,
        /** The products the customer holds. */
        HOLDINGS,
        /** The products the customer recently viewed, clicked or applied for. */
        VIEWS
    }

    /**
     * The text a product is closest to in one source: the intent or a product, the cosine similarity, and the signal
     * that is weighted: for the intent the similarity in standard deviations from the catalogue's average, for
     * products the similarity itself.
     */
    record Closest(Source source, String text, double similarity, double signal) {
    }

    /**
     * An encoded intent, its similarities' average and standard deviation over the reference catalogue, and whether
     * the closest reference product is similar enough to it for the intent to count at all.
     */
    private record Intent(float[] vector, double mean, double deviation, boolean informative) {
    }

    /** The customer's texts for one request, encoded. */
    static final class Anchors {
        private final Optional<String> intent;
        private final Intent intentVector;
        private final List<Product> held;
        private final List<float[]> heldVectors;
        private final List<Product> viewed;
        private final List<float[]> viewedVectors;

        private Anchors(Optional<String> intent, Intent intentVector, List<Product> held, List<float[]> heldVectors,
                List<Product> viewed, List<float[]> viewedVectors) {
            this.intent = intent;
            this.intentVector = intentVector;
            this.held = held;
            this.heldVectors = heldVectors;
            this.viewed = viewed;
            this.viewedVectors = viewedVectors;
        }

        boolean isEmpty() {
            return intent.isEmpty() && held.isEmpty() && viewed.isEmpty();
        }
    }

    /** Recent events of these kinds show interest in a product. */
    private static final Set<InteractionKind> INTEREST = Set.of(InteractionKind.VIEW, InteractionKind.CLICK,
            InteractionKind.APPLY);

    private final TextEncoder encoder;
    private final Function<String, Optional<Product>> products;
    private final int maxViews;
    private final List<Product> reference;
    private final double minimumIntentSimilarity;
    private static final int MAX_INTENTS = 1024;
    /** Below this, similarities to an intent hardly vary over the catalogue: it says nothing of one product. */
    private static final double MIN_DEVIATION = 0.02;
    private final Map<String, Encoded> cache = new ConcurrentHashMap<>();
    /** Recent intents, so that explaining a response does not encode its intent again; cleared when full. */
    private final Map<String, Intent> intents = new ConcurrentHashMap<>();

    private record Encoded(String name, String description, float[] vector) {
    }

    /**
     * Creates the affinity.
     *
     * @param encoder the encoder
     * @param products finds the products a customer holds or viewed by identifier
     * @param maxViews how many of the most recently viewed products count
     * @param reference the products over which similarities to an intent are standardised (the catalogue, or an
     *     even sample of a large one)
     * @param minimumIntentSimilarity the cosine similarity that the reference product closest to an intent must
     *     reach for the intent to count at all; below it the text matches no product better than chance
     *     (punctuation, query syntax, words no product uses) and adds nothing to any product, since standardised
     *     over the catalogue even noise would otherwise lift some product several deviations
     */
    TextAffinity(TextEncoder encoder, Function<String, Optional<Product>> products, int maxViews,
            List<Product> reference, double minimumIntentSimilarity) {
        this.encoder = encoder;
        this.products = products;
        this.maxViews = maxViews;
        this.reference = List.copyOf(reference);
        this.minimumIntentSimilarity = minimumIntentSimilarity;
    }

    TextEncoder encoder() {
        return encoder;
    }

    /** Encodes the customer's intent and finds the vectors of the products held and viewed. */
    Anchors anchors(RecommendationRequest request) {
        Optional<String> intent = request.context().intent();
        Intent intentVector = intent.map(this::encodeIntent).orElse(null);
        List<Product> held = new ArrayList<>();
        for (String id : request.customer().holdings()) {
            products.apply(id).ifPresent(held::add);
        }
        Set<String> viewedIds = new LinkedHashSet<>();
        List<Interaction> events = request.recentEvents();
        for (int e = events.size() - 1; e >= 0 && viewedIds.size() < maxViews; e--) {
            if (INTEREST.contains(events.get(e).kind())) {
                viewedIds.add(events.get(e).productId());
            }
        }
        List<Product> viewed = new ArrayList<>();
        for (String id : viewedIds) {
            products.apply(id).ifPresent(viewed::add);
        }
        return new Anchors(intent, intentVector, held, vectors(held), viewed, vectors(viewed));
    }

    private Intent encodeIntent(String text) {
        Intent intent = intents.get(text);
        if (intent == null) {
            float[] vector = encoder.encode(text);
            double sum = 0;
            double squares = 0;
            double closest = Double.NEGATIVE_INFINITY;
            for (float[] product : vectors(reference)) {
                double similarity = dot(vector, product);
                sum += similarity;
                squares += similarity * similarity;
                closest = Math.max(closest, similarity);
            }
            int n = Math.max(1, reference.size());
            double mean = sum / n;
            double deviation = Math.sqrt(Math.max(0, squares / n - mean * mean));
            intent = new Intent(vector, mean, Math.max(MIN_DEVIATION, deviation), closest >= minimumIntentSimilarity);
            if (intents.size() >= MAX_INTENTS) {
                intents.clear();
            }
            intents.put(text, intent);
        }
        return intent;
    }

    /** The vectors of the products, encoding those not seen before (or changed since) in one batch. */
    List<float[]> vectors(List<Product> products) {
        float[][] vectors = new float[products.size()][];
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < vectors.length; i++) {
            Product product = products.get(i);
            Encoded encoded = cache.get(product.id());
            // the same name and description strings on the hot path: compared without building the text
            if (encoded != null && encoded.name().equals(product.name())
                    && encoded.description().equals(product.description())) {
                vectors[i] = encoded.vector();
            } else {
                missing.add(i);
            }
        }
        if (!missing.isEmpty()) {
            List<float[]> encoded = encoder.encodeAll(missing.stream().map(i -> text(products.get(i))).toList());
            for (int m = 0; m < missing.size(); m++) {
                Product product = products.get(missing.get(m));
                vectors[missing.get(m)] = encoded.get(m);
                cache.put(product.id(), new Encoded(product.name(), product.description(), encoded.get(m)));
            }
        }
        return Arrays.asList(vectors);
    }

    /**
     * What the product is closest to in each source the request has: at most one entry per source.
     *
     * @param anchors the request's anchors
     * @param productVector the product's vector, from {@link #vectors}
     * @param productId the product, which is never its own anchor
     */
    List<Closest> closest(Anchors anchors, float[] productVector, String productId) {
        List<Closest> closest = new ArrayList<>(3);
        if (anchors.intentVector != null && anchors.intentVector.informative()) {
            Intent intent = anchors.intentVector;
            double similarity = dot(intent.vector(), productVector);
            closest.add(new Closest(Source.INTENT, anchors.intent.orElseThrow(), similarity,
                    (similarity - intent.mean()) / intent.deviation()));
        }
        closestProduct(Source.HOLDINGS, anchors.held, anchors.heldVectors, productVector, productId)
                .ifPresent(closest::add);
        closestProduct(Source.VIEWS, anchors.viewed, anchors.viewedVectors, productVector, productId)
                .ifPresent(closest::add);
        return closest;
    }

    private static Optional<Closest> closestProduct(Source source, List<Product> anchors, List<float[]> vectors,
            float[] productVector, String productId) {
        Closest best = null;
        for (int a = 0; a < anchors.size(); a++) {
            if (anchors.get(a).id().equals(productId)) {
                continue;
            }
            double similarity = dot(vectors.get(a), productVector);
            if (best == null || similarity > best.similarity()) {
                best = new Closest(source, anchors.get(a).name(), similarity, similarity);
            }
        }
        return Optional.ofNullable(best);
    }

    private static String text(Product product) {
        return product.description().isBlank() ? product.name() : product.name() + ". " + product.description();
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
