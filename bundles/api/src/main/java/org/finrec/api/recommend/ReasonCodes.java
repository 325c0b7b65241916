package org.finrec.api.recommend;

/**
 * The reason codes shared by every Finrec recommender family, suitability policy and the facade. A bank may
 * add its own codes; codes defined here never change meaning.
 */
public final class ReasonCodes {

    /** Many customers hold or adopted the product. */
    public static final String POPULAR_OVERALL = "POPULAR_OVERALL";
    /** Many customers of the same segment hold or adopted the product. */
    public static final String POPULAR_IN_SEGMENT = "POPULAR_IN_SEGMENT";
    /** Customers similar to this one hold the product (user-based collaborative filtering). */
    public static final String SIMILAR_CUSTOMERS_HOLD = "SIMILAR_CUSTOMERS_HOLD";
    /** The product is often held together with products this customer holds (item-based filtering). */
    public static final String HELD_TOGETHER_WITH = "HELD_TOGETHER_WITH";
    /** Latent factors learnt from holdings connect the customer's products to this one (matrix factorisation). */
    public static final String LATENT_FACTOR_MATCH = "LATENT_FACTOR_MATCH";
    /** The product's attributes fit the customer's profile (content-based). */
    public static final String PROFILE_MATCH = "PROFILE_MATCH";
    /** The product's text is close to what the customer holds, viewed or asked for (content-based). */
    public static final String TEXT_MATCH = "TEXT_MATCH";
    /** The product often follows the customer's recent sequence of events (sequential models). */
    public static final String SEQUENCE_NEXT = "SEQUENCE_NEXT";
    /** Customers and products connected to this customer in the holding graph point to the product (GNN). */
    public static final String GRAPH_NEIGHBOURHOOD = "GRAPH_NEIGHBOURHOOD";
    /** The product's score blends several recommenders (ensemble). */
    public static final String ENSEMBLE_BLEND = "ENSEMBLE_BLEND";

    /** The configured recommender was unavailable, failed or ran out of time; a fallback served. */
    public static final String FALLBACK = "FALLBACK";
    /** The product passed every suitability policy. */
    public static final String SUITABLE = "SUITABLE";
    /** The product's risk class exceeds the customer's risk tolerance. */
    public static final String RISK_ABOVE_TOLERANCE = "RISK_ABOVE_TOLERANCE";
    /** The customer has no risk assessment and the product carries market risk. */
    public static final String RISK_TOLERANCE_UNKNOWN = "RISK_TOLERANCE_UNKNOWN";
    /**
     * The product has no risk class, so no policy can tell whom it suits: it is offered to nobody, however low
     * the customer's risk tolerance or whether the customer is assessed at all (a missing risk class is never
     * read as 1).
     */
    public static final String RISK_CLASS_UNKNOWN = "RISK_CLASS_UNKNOWN";
    /** The customer's age is outside the product's eligible ages. */
    public static final String AGE_NOT_ELIGIBLE = "AGE_NOT_ELIGIBLE";
    /** The customer's age is unknown and the product is age-restricted. */
    public static final String AGE_UNKNOWN = "AGE_UNKNOWN";
    /** A suitability policy demoted the product. */
    public static final String DEMOTED = "DEMOTED";
    /** The customer already holds the product. */
    public static final String ALREADY_HELD = "ALREADY_HELD";
    /** The request excluded the product. */
    public static final String EXCLUDED_BY_REQUEST = "EXCLUDED_BY_REQUEST";
    /** The request named a candidate that the catalogue does not contain. */
    public static final String UNKNOWN_PRODUCT = "UNKNOWN_PRODUCT";

    private ReasonCodes() {
    }
}
