package org.finrec.api.model;

import org.finrec.api.data.Model;

/**
 * Keeps a model's version for its implementation: the version a codec was given when it decoded the model from a
 * file (which the {@link ModelStore} has verified), or, for a model trained in memory, the {@link ModelVersion}
 * worked out from its encoding the first time it is asked. A model holds one in a final field and answers
 * {@link Model#version()} with {@code version.of(this, CODEC)}.
 *
 * <p>Thread-safe: threads that ask at once for a version not yet known may each work it out, and all get the same.
 */
public final class ContentVersion {

    private volatile String value;

    /**
     * Creates the holder.
     *
     * @param known the version of a decoded model (64 lowercase hex digits), or null for a model trained in memory
     * @throws IllegalArgumentException if {@code known} is neither null nor a full version
     */
    public ContentVersion(String known) {
        if (known != null && !ModelVersion.isVersion(known)) {
            throw new IllegalArgumentException("not a model version: " + known);
        }
        this.value = known;
    }

    /**
     * Returns the model's version, working it out on first use.
     *
     * @param <M> the model type
     * @param model the model that holds this, not null
     * @param codec the model type's codec, not null
     * @return 64 lowercase hex digits
     * @throws java.io.UncheckedIOException if the codec fails to encode the model
     */
    public <M extends Model> String of(M model, ModelCodec<M> codec) {
        String known = value;
        if (known == null) {
            known = ModelVersion.of(model, codec);
            value = known;
        }
        return known;
    }
}
