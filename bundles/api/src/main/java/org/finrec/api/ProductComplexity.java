package org.finrec.api;

/**
 * How hard a product is to understand, in the sense of MiFID II's distinction between
 * non-complex and complex instruments.
 */
public enum ProductComplexity {
    /** Everyday products whose terms a retail customer understands without advice. */
    SIMPLE,
    /** Products with conditions or fees that need reading, but no embedded derivatives or leverage. */
    STANDARD,
    /** Products whose risks are hard to understand (for example structured or leveraged products). */
    COMPLEX
}
