package org.finrec.api.text;

/** How a {@link ProductQuery}'s text is matched. */
public enum MatchMode {
    /** By the words it shares with the product text, ranked by BM25. */
    KEYWORDS,
    /** By meaning: the products whose text embeddings lie closest to the query's. */
    MEANING,
    /** Both, fused by reciprocal rank; falls back to keywords while no text encoder runs. */
    HYBRID
}
