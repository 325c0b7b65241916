package org.finrec.api.experiment;

/** What a customer did with a recommended product, as the host reports it. */
public enum OutcomeKind {
    /** The customer opened or clicked the recommendation. */
    CLICK,
    /** The customer started an application for the product. */
    APPLY,
    /** The customer bought, opened or signed the product: the conversion. */
    PURCHASE
}
