package org.finrec.api.spi;

import java.util.List;
import java.util.Objects;
import org.finrec.api.recommend.Reason;

/**
 * A {@link SuitabilityPolicy}'s decision about one product for one customer.
 *
 * @param verdict allow, demote or block; never null
 * @param scoreFactor what the facade multiplies the product's score by: 1 for {@code ALLOW}, in (0, 1) for
 *     {@code DEMOTE}, 0 for {@code BLOCK}
 * @param reasons why; at least one for {@code DEMOTE} and {@code BLOCK}; never null
 */
public record SuitabilityDecision(Verdict verdict, double scoreFactor, List<Reason> reasons) {

    /** What a policy decided. */
    public enum Verdict {
        /** The product may be recommended. */
        ALLOW,
        /** The product may be recommended, with its score reduced. */
        DEMOTE,
        /** The product must not be recommended. */
        BLOCK
    }

    private static final SuitabilityDecision ALLOWED = new SuitabilityDecision(Verdict.ALLOW, 1.0, List.of());

    /**
     * Validates and copies the components.
     *
     * @param verdict the verdict component
     * @param scoreFactor the scoreFactor component
     * @param reasons the reasons component
     * @throws IllegalArgumentException if the factor does not match the verdict or a reason is missing
     */
    public SuitabilityDecision {
        Objects.requireNonNull(verdict, "verdict");
        reasons = List.copyOf(reasons);
        switch (verdict) {
            case ALLOW:
                if (scoreFactor != 1.0) {
                    throw new IllegalArgumentException("ALLOW needs scoreFactor 1, got " + scoreFactor);
                }
                break;
            case DEMOTE:
                if (!(scoreFactor > 0 && scoreFactor < 1)) {
                    throw new IllegalArgumentException("DEMOTE needs a scoreFactor in (0, 1), got " + scoreFactor);
                }
                break;
            default:
                if (scoreFactor != 0.0) {
                    throw new IllegalArgumentException("BLOCK needs scoreFactor 0, got " + scoreFactor);
                }
        }
        if (verdict != Verdict.ALLOW && reasons.isEmpty()) {
            throw new IllegalArgumentException(verdict + " needs at least one reason");
        }
    }

    /**
     * Allows the product without comment.
     *
     * @return the shared "allowed" decision
     */
    public static SuitabilityDecision allow() {
        return ALLOWED;
    }

    /**
     * Allows the product and says why it is suitable.
     *
     * @param reason why the product suits the customer, not null
     * @return a new decision
     */
    public static SuitabilityDecision allow(Reason reason) {
        return new SuitabilityDecision(Verdict.ALLOW, 1.0, List.of(reason));
    }

    /**
     * Demotes the product.
     *
     * @param factor what to multiply the score by, in (0, 1)
     * @param reason why, not null
     * @return a new decision
     */
    public static SuitabilityDecision demote(double factor, Reason reason) {
        return new SuitabilityDecision(Verdict.DEMOTE, factor, List.of(reason));
    }

    /**
     * Blocks the product.
     *
     * @param reason why, not null
     * @return a new decision
     */
    public static SuitabilityDecision block(Reason reason) {
        return new SuitabilityDecision(Verdict.BLOCK, 0.0, List.of(reason));
    }
}
