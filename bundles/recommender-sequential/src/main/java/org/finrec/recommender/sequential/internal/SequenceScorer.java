package org.finrec.recommender.sequential.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.finrec.api.Interaction;
import org.finrec.api.InteractionKind;
import org.finrec.api.ProductCatalog;
import org.finrec.api.data.CustomerHistories;
import org.finrec.api.data.Dataset;
import org.finrec.api.data.EventSequence;
import org.finrec.api.recommend.Explanation;
import org.finrec.api.recommend.Reason;
import org.finrec.api.recommend.ReasonCodes;
import org.finrec.api.recommend.RecommendationRequest;
import org.finrec.api.spi.RequestScorer;
import org.finrec.inference.DynamicBatcher;

/**
 * Scores one request with one {@link SequentialModel}: the customer's sequence is their history in the dataset
 * followed by the request's recent events, in time order, without events of products the model does not know,
 * cut to the model's most recent {@code max.length} events. Every product is scored in one forward pass, through
 * the recommender's batcher, on first use. An explanation leaves each event out in turn (one batched pass, shared
 * by every product the request explains): an event's contribution is how much the score drops without it; a base
 * term (what the model expects of the sequence as a whole beyond single events) makes the contributions add up to
 * the score.
 */
final class SequenceScorer implements RequestScorer {

    /** The most events an explanation names; the others are summed in one reason. */
    private static final int NAMED_EVENTS = 3;

    /** One forward pass to run: a sequence and the network that scores it. */
    record Query(ServingNetwork network, EncodedSequence sequence) {
    }

    private final SequentialModel model;
    private final ServingNetwork network;
    private final ProductCatalog catalog;
    private final DynamicBatcher<Query, float[]> batcher;
    private final EncodedSequence sequence;
    private final List<String> eventProducts;
    private final List<InteractionKind> eventKinds;
    private final long[] eventTimes;
    private final int[] tokens;
    private float[] scores;
    private float[][] scoresWithout;

    private SequenceScorer(SequentialModel model, ServingNetwork network, ProductCatalog catalog,
            DynamicBatcher<Query, float[]> batcher, EncodedSequence sequence, List<String> eventProducts,
            List<InteractionKind> eventKinds, long[] eventTimes) {
        this.model = model;
        this.network = network;
        this.catalog = catalog;
        this.batcher = batcher;
        this.sequence = sequence;
        this.eventProducts = eventProducts;
        this.eventKinds = eventKinds;
        this.eventTimes = eventTimes;
        this.tokens = model.tokens(catalog);
    }

    /**
     * Builds the request's sequence.
     *
     * @param histories the dataset's customer histories, or null without a dataset (session events only)
     * @param dataset the dataset, or null
     * @param unknown counts events skipped because the model does not know their product
     */
    static SequenceScorer of(SequentialModel model, ServingNetwork network, CustomerHistories histories,
            Dataset dataset, RecommendationRequest request, ProductCatalog catalog,
            DynamicBatcher<Query, float[]> batcher, AtomicLong unknown) {
        EventVocabulary vocabulary = model.vocabulary();
        List<String> products = new ArrayList<>();
        List<InteractionKind> kinds = new ArrayList<>();
        List<Long> times = new ArrayList<>();
        long skipped = 0;
        for (Interaction event : customerEvents(histories, dataset, request)) {
            if (vocabulary.token(event.productId()) == 0) {
                skipped++;
                continue;
            }
            products.add(event.productId());
            kinds.add(event.kind());
            times.add(event.timestamp().toEpochMilli());
        }
        if (skipped > 0) {
            unknown.addAndGet(skipped);
        }
        int keep = Math.min(products.size(), model.settings().maxLength());
        int first = products.size() - keep;
        int[] productTokens = new int[keep];
        int[] kindTokens = new int[keep];
        int[] gapTokens = new int[keep];
        long[] eventTimes = new long[keep];
        for (int i = 0; i < keep; i++) {
            int at = first + i;
            productTokens[i] = vocabulary.token(products.get(at));
            kindTokens[i] = EventVocabulary.kindToken(kinds.get(at));
            gapTokens[i] = EventVocabulary.gapToken(at == 0 ? -1 : times.get(at) - times.get(at - 1));
            eventTimes[i] = times.get(at);
        }
        return new SequenceScorer(model, network, catalog, batcher,
                new EncodedSequence(productTokens, kindTokens, gapTokens),
                List.copyOf(products.subList(first, products.size())),
                List.copyOf(kinds.subList(first, kinds.size())), eventTimes);
    }

    /**
     * The customer's events in time order: their history in the dataset merged with the request's own events (as
     * {@link CustomerHistories#ofRequest} merges them), or the request's own events alone without a dataset.
     */
    private static List<Interaction> customerEvents(CustomerHistories histories, Dataset dataset,
            RecommendationRequest request) {
        String customerId = request.customer().id();
        List<Interaction> own = new ArrayList<>();
        for (Interaction event : request.recentEvents()) {
            if (event.customerId().equals(customerId)) {
                own.add(event);
            }
        }
        own.sort(Comparator.comparing(Interaction::timestamp)); // stable, like ofRequest
        if (histories == null) {
            return own;
        }
        EventSequence events = histories.ofRequest(request);
        List<Interaction> merged = new ArrayList<>(events.length());
        int fromRequest = 0;
        for (int p = 0; p < events.length(); p++) {
            merged.add(events.interactionIndex(p) == EventSequence.FROM_REQUEST ? own.get(fromRequest++)
                    : Interaction.of(customerId, dataset.product(events.product(p)).id(), events.kind(p),
                            Instant.ofEpochMilli(events.epochMillis(p))));
        }
        return merged;
    }

    /** Runs a batch of queries, grouped by network (a swap may leave two models' queries in one batch). */
    static List<float[]> scoreBatch(List<Query> queries) {
        float[][] results = new float[queries.size()][];
        boolean[] done = new boolean[queries.size()];
        for (int i = 0; i < queries.size(); i++) {
            if (done[i]) {
                continue;
            }
            ServingNetwork network = queries.get(i).network();
            List<Integer> group = new ArrayList<>();
            List<EncodedSequence> sequences = new ArrayList<>();
            for (int j = i; j < queries.size(); j++) {
                if (!done[j] && queries.get(j).network() == network) {
                    group.add(j);
                    sequences.add(queries.get(j).sequence());
                    done[j] = true;
                }
            }
            float[][] scored = network.scores(sequences);
            for (int k = 0; k < group.size(); k++) {
                results[group.get(k)] = scored[k];
            }
        }
        return Arrays.asList(results);
    }

    @Override
    public String modelVersion() {
        return model.version();
    }

    private synchronized float[] scores() {
        if (scores == null) {
            scores = batcher.call(new Query(network, sequence));
        }
        return scores;
    }

    /**
     * Every product's score with each event left out in turn, computed in one batched pass on the first explanation
     * and shared by the others: the passes do not depend on the product explained.
     */
    private synchronized float[][] scoresWithoutEachEvent() {
        if (scoresWithout == null) {
            int events = sequence.length();
            List<CompletableFuture<float[]>> pending = new ArrayList<>(events);
            for (int p = 0; p < events; p++) {
                pending.add(batcher.submit(new Query(network, sequence.without(p))));
            }
            float[][] without = new float[events][];
            for (int p = 0; p < events; p++) {
                without[p] = pending.get(p).join();
            }
            scoresWithout = without;
        }
        return scoresWithout;
    }

    @Override
    public double[] score(int[] candidates) {
        double[] result = new double[candidates.length];
        if (sequence.length() == 0) {
            Arrays.fill(result, Double.NaN); // no history, no session: no opinion, the fallback serves
            return result;
        }
        float[] all = scores();
        for (int c = 0; c < candidates.length; c++) {
            int token = tokens[candidates[c]];
            result[c] = token == 0 ? Double.NaN : all[token];
        }
        return result;
    }

    @Override
    public Explanation explain(int candidate) {
        String productId = catalog.products().get(candidate).id();
        int token = tokens[candidate];
        if (token == 0 || sequence.length() == 0) {
            throw new IllegalArgumentException("model " + model.version() + " has no opinion of product "
                    + productId);
        }
        double score = scores()[token];
        int events = sequence.length();
        double[] contributions = new double[events];
        if (events > 1) {
            float[][] without = scoresWithoutEachEvent();
            for (int p = 0; p < events; p++) {
                contributions[p] = score - without[p][token];
            }
        }
        Integer[] order = new Integer[events];
        for (int p = 0; p < events; p++) {
            order[p] = p;
        }
        Arrays.sort(order, (a, b) -> Double.compare(Math.abs(contributions[b]), Math.abs(contributions[a])));
        List<Reason> reasons = new ArrayList<>();
        double named = 0;
        int shown = events > 1 ? Math.min(NAMED_EVENTS, events) : 0;
        Instant now = Instant.now();
        for (int i = 0; i < shown; i++) {
            int p = order[i];
            reasons.add(new Reason(ReasonCodes.SEQUENCE_NEXT, describe(p, now), contributions[p]));
            named += contributions[p];
        }
        double others = 0;
        for (int i = shown; i < events; i++) {
            others += contributions[order[i]];
        }
        if (events - shown > 0 && events > 1) {
            reasons.add(new Reason(ReasonCodes.SEQUENCE_NEXT, (events - shown) + " earlier events", others));
        }
        reasons.add(new Reason(ReasonCodes.SEQUENCE_NEXT, "what usually follows a sequence like yours",
                score - named - others));
        return new Explanation(productId, score, reasons);
    }

    private String describe(int position, Instant now) {
        String productId = eventProducts.get(position);
        String product = catalog.product(productId).map(p -> p.name()).orElse(productId);
        String verb = switch (eventKinds.get(position)) {
            case VIEW -> "viewed";
            case CLICK -> "clicked";
            case APPLY -> "applied for";
            case PURCHASE -> "took";
            case HOLD -> "held";
            case CLOSE -> "closed";
        };
        return verb + " " + product + " " + ago(Duration.between(Instant.ofEpochMilli(eventTimes[position]), now));
    }

    private static String ago(Duration duration) {
        if (duration.isNegative()) {
            return "(dated in the future)";
        }
        long days = duration.toDays();
        if (days >= 60) {
            return (days / 30) + " months ago";
        }
        if (days >= 1) {
            return days + (days == 1 ? " day ago" : " days ago");
        }
        long hours = duration.toHours();
        return hours >= 1 ? hours + (hours == 1 ? " hour ago" : " hours ago") : "just now";
    }

    /** The events the sequence holds (product ids, oldest first), for tests. */
    List<String> eventProducts() {
        return eventProducts;
    }
}
