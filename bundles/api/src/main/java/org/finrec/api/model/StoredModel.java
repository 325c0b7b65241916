package org.finrec.api.model;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A model file of a {@link ModelStore} as its header describes it, read without decoding the model: what operators
 * list to choose a version to serve or to roll back to. Immutable and thread-safe.
 *
 * @param recommender the recommender name the file is stored under; not null
 * @param version the model's version, 64 lowercase hex digits (see {@link ModelVersion}); not null
 * @param type the model type ({@link ModelCodec#type()}); not null
 * @param formatVersion the codec format version ({@link ModelCodec#formatVersion()}), 1 or more
 * @param payloadBytes the size of the encoded model in bytes, 0 or more
 * @param lineage where the model comes from; not null
 * @param file the file; not null
 */
public record StoredModel(String recommender, String version, String type, int formatVersion, long payloadBytes,
        ModelLineage lineage, Path file) {

    /**
     * Checks the components.
     *
     * @param recommender the recommender component
     * @param version the version component
     * @param type the type component
     * @param formatVersion the formatVersion component
     * @param payloadBytes the payloadBytes component
     * @param lineage the lineage component
     * @param file the file component
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if the version is not a full version or a number is out of range
     */
    public StoredModel {
        Objects.requireNonNull(recommender, "recommender");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(lineage, "lineage");
        Objects.requireNonNull(file, "file");
        if (!ModelVersion.isVersion(version) || formatVersion < 1 || payloadBytes < 0) {
            throw new IllegalArgumentException("stored model " + version + " of type " + type + " format "
                    + formatVersion + " with " + payloadBytes + " bytes");
        }
    }
}
