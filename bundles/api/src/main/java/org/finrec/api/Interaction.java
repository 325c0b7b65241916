package org.finrec.api;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One event between a customer and a product: a view, click, application, purchase, ownership snapshot or
 * closure. Immutable and thread-safe.
 *
 * @param customerId the customer's identifier, never blank
 * @param productId the product's identifier, never blank
 * @param kind what happened, never null
 * @param timestamp when it happened, never null
 * @param channel where it happened (for example "branch", "online", "mobile"), empty when unknown
 * @param weight the strength of the signal, finite and 0 or more; 1 for an ordinary event
 */
public record Interaction(
        String customerId,
        String productId,
        InteractionKind kind,
        Instant timestamp,
        Optional<String> channel,
        double weight) {

    /**
     * Validates the components.
     *
     * @param customerId the customerId component
     * @param productId the productId component
     * @param kind the kind component
     * @param timestamp the timestamp component
     * @param channel the channel component
     * @param weight the weight component
     * @throws IllegalArgumentException if an identifier is blank or the weight is negative or not finite
     * @throws NullPointerException if a component is null
     */
    public Interaction {
        Customer.requireText(customerId, "customerId");
        Customer.requireText(productId, "productId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(channel, "channel");
        if (!(weight >= 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("interaction " + customerId + "/" + productId
                    + ": weight must be finite and >= 0, got " + weight);
        }
    }

    /**
     * Creates an interaction with unknown channel and weight 1.
     *
     * @param customerId the customer's identifier
     * @param productId the product's identifier
     * @param kind what happened
     * @param timestamp when it happened
     * @return a new interaction
     */
    public static Interaction of(String customerId, String productId, InteractionKind kind, Instant timestamp) {
        return new Interaction(customerId, productId, kind, timestamp, Optional.empty(), 1.0);
    }
}
