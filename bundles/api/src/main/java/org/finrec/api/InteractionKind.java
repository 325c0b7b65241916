package org.finrec.api;

/** What a customer did with a product. */
public enum InteractionKind {
    /** Looked at the product (for example a product page). */
    VIEW,
    /** Clicked on a recommendation or offer for the product. */
    CLICK,
    /** Started or submitted an application. */
    APPLY,
    /** Bought or opened the product. */
    PURCHASE,
    /** Held the product at the time of the interaction (an ownership snapshot). */
    HOLD,
    /** Closed or cancelled the product. */
    CLOSE;

    /**
     * Tells whether this kind shows that the customer owns or adopted the product.
     *
     * @return {@code true} for {@link #PURCHASE} and {@link #HOLD}
     */
    public boolean isOwnership() {
        return this == PURCHASE || this == HOLD;
    }
}
