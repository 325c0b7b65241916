package org.finrec.api.recommend;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.finrec.api.Customer;
import org.finrec.api.Interaction;

/**
 * A host's request for the top {@code k} products for one customer. Immutable and thread-safe; build with
 * {@link #builder(Customer)}.
 *
 * @param requestId identifies the request in responses, logs and later outcome reports; never blank
 * @param customer the customer to recommend to, with current holdings; never null
 * @param k how many recommendations to return at most, 1 or more
 * @param context channel, placement and further context; never null
 * @param candidateProductIds the products to choose from; empty means every product of the catalogue
 * @param excludedProductIds products never to return in this response (for example ones just declined)
 * @param recentEvents the customer's recent events in time order (for example this session's views), never null
 */
public record RecommendationRequest(
        String requestId,
        Customer customer,
        int k,
        RequestContext context,
        Set<String> candidateProductIds,
        Set<String> excludedProductIds,
        List<Interaction> recentEvents) {

    /**
     * Validates and copies the components.
     *
     * @param requestId the requestId component
     * @param customer the customer component
     * @param k the k component
     * @param context the context component
     * @param candidateProductIds the candidateProductIds component
     * @param excludedProductIds the excludedProductIds component
     * @param recentEvents the recentEvents component
     * @throws IllegalArgumentException if the request id is blank or {@code k < 1}
     * @throws NullPointerException if a component is null
     */
    public RecommendationRequest {
        if (requestId == null || requestId.isBlank()) {
            throw new IllegalArgumentException("requestId must not be blank");
        }
        Objects.requireNonNull(customer, "customer");
        if (k < 1) {
            throw new IllegalArgumentException("request " + requestId + ": k must be >= 1, got " + k);
        }
        Objects.requireNonNull(context, "context");
        candidateProductIds = Set.copyOf(candidateProductIds);
        excludedProductIds = Set.copyOf(excludedProductIds);
        recentEvents = List.copyOf(recentEvents);
    }

    /**
     * Starts a builder with a random request id, {@code k = 5}, an empty context, every catalogue product as a
     * candidate, no exclusions and no recent events.
     *
     * @param customer the customer, not null
     * @return a new builder
     */
    public static Builder builder(Customer customer) {
        return new Builder(customer);
    }

    /** Collects the components of a {@link RecommendationRequest}. Not thread-safe. */
    public static final class Builder {
        private final Customer customer;
        private String requestId = UUID.randomUUID().toString();
        private int k = 5;
        private RequestContext context = RequestContext.EMPTY;
        private final Set<String> candidates = new LinkedHashSet<>();
        private final Set<String> exclusions = new LinkedHashSet<>();
        private final List<Interaction> recentEvents = new ArrayList<>();

        private Builder(Customer customer) {
            this.customer = customer;
        }

        /**
         * Sets the request id.
         *
         * @param value a unique id, not blank
         * @return this builder
         */
        public Builder requestId(String value) {
            this.requestId = value;
            return this;
        }

        /**
         * Sets how many recommendations to return at most.
         *
         * @param value 1 or more
         * @return this builder
         */
        public Builder k(int value) {
            this.k = value;
            return this;
        }

        /**
         * Sets the context.
         *
         * @param value the context, not null
         * @return this builder
         */
        public Builder context(RequestContext value) {
            this.context = value;
            return this;
        }

        /**
         * Restricts the candidates to the given products.
         *
         * @param productIds product identifiers, not null
         * @return this builder
         */
        public Builder candidates(Collection<String> productIds) {
            candidates.addAll(productIds);
            return this;
        }

        /**
         * Excludes products from the response.
         *
         * @param productIds product identifiers, not null
         * @return this builder
         */
        public Builder exclude(String... productIds) {
            exclusions.addAll(Arrays.asList(productIds));
            return this;
        }

        /**
         * Adds recent events, oldest first.
         *
         * @param events the events, not null
         * @return this builder
         */
        public Builder recentEvents(Collection<Interaction> events) {
            recentEvents.addAll(events);
            return this;
        }

        /**
         * Builds the request.
         *
         * @return a validated, immutable request
         * @throws IllegalArgumentException if a component is invalid
         */
        public RecommendationRequest build() {
            return new RecommendationRequest(requestId, customer, k, context, candidates, exclusions, recentEvents);
        }
    }
}
