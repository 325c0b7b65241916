package org.finrec.recommender.sequential.internal;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.finrec.api.InteractionKind;

/**
 * The tokens a {@link SequenceEncoder} reads: product {@code i} of the model's vocabulary is token {@code i + 1},
 * event kind {@code k} is token {@code k.ordinal() + 1}, and the time since the customer's previous event falls
 * into one of {@value #GAP_BUCKETS} buckets; 0 is padding everywhere. Immutable.
 */
final class EventVocabulary {

    /** Event-kind tokens, padding included. */
    static final int KIND_TOKENS = InteractionKind.values().length + 1;
    /** Upper bounds of the time-gap buckets after "first event": an hour, a day, a week, 31 days, 92 days, a year. */
    private static final long[] GAP_BOUNDS = {Duration.ofHours(1).toMillis(), Duration.ofDays(1).toMillis(),
            Duration.ofDays(7).toMillis(), Duration.ofDays(31).toMillis(), Duration.ofDays(92).toMillis(),
            Duration.ofDays(365).toMillis()};
    /** Time-gap buckets: the first event, each bound, and beyond the last. */
    static final int GAP_BUCKETS = GAP_BOUNDS.length + 2;
    /** Time-gap tokens, padding included. */
    static final int GAP_TOKENS = GAP_BUCKETS + 1;

    private final String[] productIds;
    private final Map<String, Integer> tokens;

    EventVocabulary(String[] productIds) {
        this.productIds = productIds.clone();
        this.tokens = new HashMap<>(productIds.length * 2);
        for (int i = 0; i < productIds.length; i++) {
            if (tokens.putIfAbsent(productIds[i], i + 1) != null) {
                throw new IllegalArgumentException("product " + productIds[i] + " appears twice in the vocabulary");
            }
        }
    }

    /** The products, by model index (token - 1). */
    String[] productIds() {
        return productIds.clone();
    }

    int size() {
        return productIds.length;
    }

    /** The product of a token. */
    String productId(int token) {
        return productIds[token - 1];
    }

    /** The token of a product, or 0 when the model does not know it. */
    int token(String productId) {
        Integer token = tokens.get(productId);
        return token == null ? 0 : token;
    }

    static int kindToken(InteractionKind kind) {
        return kind.ordinal() + 1;
    }

    /**
     * The token of the time since the previous event.
     *
     * @param millisSincePrevious the gap, or a negative number for a customer's first event
     */
    static int gapToken(long millisSincePrevious) {
        if (millisSincePrevious < 0) {
            return 1;
        }
        int bucket = Arrays.binarySearch(GAP_BOUNDS, millisSincePrevious);
        int index = bucket >= 0 ? bucket + 1 : -bucket - 1; // a gap equal to a bound belongs to the next bucket
        return index + 2;
    }

    /** Words for a gap token, for reasons: "within an hour", "2 to 7 days before"... */
    static String gapWords(int token) {
        List<String> words = List.of("", "as a first event", "within an hour of the previous one",
                "within a day of the previous one", "within a week of the previous one",
                "within a month of the previous one", "within three months of the previous one",
                "within a year of the previous one", "more than a year after the previous one");
        return words.get(token);
    }
}
