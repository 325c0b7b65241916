package org.finrec.api.inference;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A sentence encoder: maps text to a fixed-length vector so that texts of similar meaning lie close together. The
 * vectors have unit length, so their dot product is their cosine similarity.
 *
 * <p>Registered as an OSGi service with the property {@link #NAME}. Implementations are thread-safe; concurrent
 * calls may be grouped into batches behind the scenes.
 */
@ProviderType
public interface TextEncoder {

    /** Service property: the encoder's name (String), for example {@code all-minilm-l6-v2}. */
    String NAME = "finrec.encoder.name";

    /**
     * Returns the length of the vectors.
     *
     * @return the dimension, for example 384
     */
    int dimension();

    /**
     * Returns the version of the model, a digest of its files.
     *
     * @return a non-blank version
     */
    String modelVersion();

    /**
     * Encodes one text.
     *
     * @param text the text, not null; empty text is allowed
     * @return a vector of length {@link #dimension()} and unit length
     */
    float[] encode(String text);

    /**
     * Encodes several texts in one pass, which is much faster per text than encoding them one by one.
     *
     * @param texts the texts, not null
     * @return one vector per text, in order
     */
    List<float[]> encodeAll(List<String> texts);
}
