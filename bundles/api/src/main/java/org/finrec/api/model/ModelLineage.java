package org.finrec.api.model;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.finrec.api.data.Dataset;
import org.finrec.api.model.internal.FinrecBuild;

/**
 * Where a stored model comes from, as its file's header records it: readable without decoding the model, shown by
 * operators, and not part of the model's version (the same model trained again has the same version, whatever its
 * lineage). Immutable and thread-safe.
 *
 * @param trainer what trained the model, for example {@code "org.finrec.cf.ALS"}; not blank
 * @param parameters the trainer's parameters by name, as text; never null (copied, sorted by name)
 * @param datasetName the training dataset's {@link Dataset#name()}; not blank
 * @param datasetFingerprint the training dataset's {@link DatasetFingerprint}: 64 lowercase hex digits
 * @param createdAt when the model was trained, kept to the millisecond (finer parts are dropped); not null
 * @param finrecVersion the version of Finrec that trained it (the api bundle's version); not blank
 */
public record ModelLineage(String trainer, SortedMap<String, String> parameters, String datasetName,
        String datasetFingerprint, Instant createdAt, String finrecVersion) {

    /**
     * Validates and copies the components.
     *
     * @param trainer the trainer component
     * @param parameters the parameters component
     * @param datasetName the datasetName component
     * @param datasetFingerprint the datasetFingerprint component
     * @param createdAt the createdAt component
     * @param finrecVersion the finrecVersion component
     * @throws IllegalArgumentException if a text is blank, a parameter name or value is null, or the fingerprint is
     *     not 64 lowercase hex digits
     * @throws NullPointerException if a component is null
     */
    public ModelLineage {
        requireText(trainer, "trainer");
        Objects.requireNonNull(parameters, "parameters");
        requireText(datasetName, "datasetName");
        if (!ModelVersion.isVersion(datasetFingerprint)) {
            throw new IllegalArgumentException("datasetFingerprint must be 64 lowercase hex digits, got "
                    + datasetFingerprint);
        }
        Objects.requireNonNull(createdAt, "createdAt");
        requireText(finrecVersion, "finrecVersion");
        TreeMap<String, String> copy = new TreeMap<>();
        parameters.forEach((name, value) -> {
            if (name == null || value == null) {
                throw new IllegalArgumentException("trainer parameter " + name + "=" + value + ": null");
            }
            copy.put(name, value);
        });
        parameters = Collections.unmodifiableSortedMap(copy);
        createdAt = createdAt.truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * Describes a model trained now, by this Finrec, on a dataset: computes the dataset's fingerprint (one pass over
     * it, see {@link DatasetFingerprint#of}).
     *
     * @param trainer what trains the model, not blank
     * @param parameters the trainer's parameters, not null
     * @param dataset the training data, not null
     * @return the lineage
     */
    public static ModelLineage of(String trainer, Map<String, String> parameters, Dataset dataset) {
        return new ModelLineage(trainer, new TreeMap<>(parameters), dataset.name(), DatasetFingerprint.of(dataset),
                Instant.now(), FinrecBuild.version());
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
    }
}
