package org.finrec.api.spi;

import org.finrec.api.Customer;
import org.finrec.api.Product;
import org.finrec.api.recommend.RequestContext;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A rule that decides whether a product may be recommended to a customer, registered as an OSGi service. The
 * facade applies every registered policy to every candidate: one {@link SuitabilityDecision.Verdict#BLOCK} removes
 * the product, demotions multiply.
 *
 * <p>Policies express regulation and bank rules (MiFID II suitability, age limits, affordability, sanctions), so
 * they must decide conservatively when the customer's profile lacks what they need. Implementations must be
 * thread-safe, fast and free of side effects.
 */
@ConsumerType
public interface SuitabilityPolicy {

    /** Service property: the policy's unique name (String), shown in audits. */
    String NAME = "finrec.policy.name";

    /**
     * Decides whether the product may be offered to the customer in this context.
     *
     * @param customer the customer, not null
     * @param product the candidate product, not null
     * @param context the request context, not null
     * @return the decision with its reasons, never null
     */
    SuitabilityDecision assess(Customer customer, Product product, RequestContext context);
}
