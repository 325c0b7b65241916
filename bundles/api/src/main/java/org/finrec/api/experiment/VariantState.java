package org.finrec.api.experiment;

/** Whether a variant's customers see its recommendations. */
public enum VariantState {
    /** The variant serves its share of the traffic. */
    SERVING,
    /** A guardrail tripped: the variant's customers are served by the control until the experiment is changed. */
    HALTED,
    /** The variant is computed and logged for every request of the experiment but never served. */
    SHADOW
}
