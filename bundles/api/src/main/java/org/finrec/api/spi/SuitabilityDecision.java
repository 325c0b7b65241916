package org.finrec.api.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.finrec.api.recommend.Explanation;
import org.finrec.api.recommend.Reason;

/**
 * A {@link SuitabilityPolicy}'s decision about one product for one customer.
 *
 * @param verdict allow, demote or block; never null
 * @param scoreFactor how much the decision lowers the product's score (see {@link #applyTo(double)}): 1 for
 *     {@code ALLOW}, in (0, 1) for {@code DEMOTE}, 0 for {@code BLOCK}
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

    /**
     * Returns a score after this decision: unchanged when allowed; when demoted, lowered by the factor whatever its
     * sign ({@code score * factor} from 0 up, {@code score / factor} below 0), so that a demotion never raises a
     * negative score such as log odds. The facade ranks by this score; several decisions apply one after another.
     *
     * @param score a recommender's score, or NaN (kept as it is)
     * @return the served score
     * @throws IllegalStateException if the decision blocks the product, which is never served
     */
    public double applyTo(double score) {
        if (verdict == Verdict.BLOCK) {
            throw new IllegalStateException("a blocked product is never served: " + reasons);
        }
        if (scoreFactor == 1.0 || !Double.isFinite(score)) {
            return score;
        }
        return score >= 0 ? score * scoreFactor : score / scoreFactor;
    }

    /**
     * Returns the explanation of the served score: the explained score after {@link #applyTo(double)}, and the
     * explanation's reasons followed by this decision's, where a demotion's first reason carries what the demotion
     * took away (a negative contribution), so that the reasons still add up to the served score.
     *
     * @param explanation a recommender's explanation (or one this method returned), not null
     * @return a new explanation
     * @throws IllegalStateException if the decision blocks the product
     */
    public Explanation applyTo(Explanation explanation) {
        double served = applyTo(explanation.score());
        List<Reason> all = new ArrayList<>(explanation.reasons().size() + reasons.size());
        all.addAll(explanation.reasons());
        for (int i = 0; i < reasons.size(); i++) {
            Reason reason = reasons.get(i);
            double taken = i == 0 && verdict == Verdict.DEMOTE ? served - explanation.score() : 0.0;
            all.add(new Reason(reason.code(), reason.message(), reason.contribution() + taken));
        }
        return new Explanation(explanation.productId(), served, all);
    }
}
