package org.finrec.experiment.internal.log;

import java.util.List;
import java.util.Objects;
import org.finrec.api.experiment.OutcomeKind;

/**
 * One entry of the {@link OutcomeLog}. Every record is immutable, rejects {@code null} fields, and copies its lists
 * into unmodifiable lists. String fields are stored in modified UTF-8 and may take at most 65,535 bytes each.
 */
public sealed interface LogRecord {

    /** When the log's caller created this record, in milliseconds since the epoch. */
    long loggedAtMillis();

    /**
     * A recommendation served to a customer under an experiment.
     *
     * @param routedFrom the variant the request was first routed to before {@code variant} served it; {@code ""}
     *                   when none
     * @param fallback   whether {@code variant} served the request as a fallback
     * @param productIds the products served, in rank order
     * @param servedBy   the recommender that produced the list
     */
    record ImpressionRecord(long loggedAtMillis, String requestId, String customerId, String experimentId,
                            String variant, String routedFrom, boolean fallback, List<String> productIds,
                            String servedBy) implements LogRecord {
        /** Validates and copies the fields. */
        public ImpressionRecord {
            Objects.requireNonNull(requestId, "requestId");
            Objects.requireNonNull(customerId, "customerId");
            Objects.requireNonNull(experimentId, "experimentId");
            Objects.requireNonNull(variant, "variant");
            Objects.requireNonNull(routedFrom, "routedFrom");
            productIds = List.copyOf(productIds);
            Objects.requireNonNull(servedBy, "servedBy");
        }
    }

    /** What the customer did with product {@code productId} of the impression {@code requestId}, and when. */
    record OutcomeRecord(long loggedAtMillis, String requestId, String productId, OutcomeKind kind,
                         long occurredAtMillis) implements LogRecord {
        /** Validates the fields. */
        public OutcomeRecord {
            Objects.requireNonNull(requestId, "requestId");
            Objects.requireNonNull(productId, "productId");
            Objects.requireNonNull(kind, "kind");
        }
    }

    /** A variant failed to serve request {@code requestId}, for {@code reason}. */
    record FailureRecord(long loggedAtMillis, String requestId, String experimentId, String variant, String reason)
            implements LogRecord {
        /** Validates the fields. */
        public FailureRecord {
            Objects.requireNonNull(requestId, "requestId");
            Objects.requireNonNull(experimentId, "experimentId");
            Objects.requireNonNull(variant, "variant");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * What a shadow variant would have served for request {@code requestId}, not shown to the customer.
     *
     * @param productIds the products it would have served, in rank order
     * @param overlap    how much that list overlaps the list actually served
     */
    record ShadowRecord(long loggedAtMillis, String requestId, String experimentId, String variant,
                        List<String> productIds, double overlap) implements LogRecord {
        /** Validates and copies the fields. */
        public ShadowRecord {
            Objects.requireNonNull(requestId, "requestId");
            Objects.requireNonNull(experimentId, "experimentId");
            Objects.requireNonNull(variant, "variant");
            productIds = List.copyOf(productIds);
        }
    }

    /** An audit entry: the allocation of experiment {@code experimentId} changed ({@code change}, {@code detail}). */
    record AllocationRecord(long loggedAtMillis, String experimentId, String change, String detail)
            implements LogRecord {
        /** Validates the fields. */
        public AllocationRecord {
            Objects.requireNonNull(experimentId, "experimentId");
            Objects.requireNonNull(change, "change");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
