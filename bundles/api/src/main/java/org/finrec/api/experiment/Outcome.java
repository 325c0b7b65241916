package org.finrec.api.experiment;

import java.time.Instant;
import java.util.Objects;

/**
 * What a customer did with one product of one response, reported by the host.
 *
 * @param requestId the id of the request whose response showed the product, never blank
 * @param productId the product acted on; must be one of that response's recommendations
 * @param kind what the customer did, never null
 * @param occurredAt when the customer did it, never null
 */
public record Outcome(String requestId, String productId, OutcomeKind kind, Instant occurredAt) {

    /**
     * Validates the components.
     *
     * @param requestId the requestId component
     * @param productId the productId component
     * @param kind the kind component
     * @param occurredAt the occurredAt component
     * @throws IllegalArgumentException if an id is blank
     * @throws NullPointerException if a component is null
     */
    public Outcome {
        if (Objects.requireNonNull(requestId, "requestId").isBlank()) {
            throw new IllegalArgumentException("requestId must not be blank");
        }
        if (Objects.requireNonNull(productId, "productId").isBlank()) {
            throw new IllegalArgumentException("productId must not be blank");
        }
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
