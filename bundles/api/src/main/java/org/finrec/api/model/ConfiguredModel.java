package org.finrec.api.model;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.finrec.api.data.Model;

/**
 * What a recommender component serves, from the two properties every family configures: {@code model.store} (a
 * folder, or empty for none) and {@code model.version} (empty: train on the dataset; else the version, or a unique
 * prefix of at least {@link ModelVersion#MIN_PREFIX} digits, of a stored model). Activation calls {@link #obtain}
 * without a current model; a configuration change calls it with the serving one, which it keeps when it already is
 * the model asked for, so that rollback is a configuration change and a reload never happens twice. A model
 * trained here is saved to the store, when there is one, with its lineage.
 *
 * <p>The outcome says what happened, so that the component can log it under its PID; a failed save does not fail
 * the outcome (the trained model serves anyway) but is reported in it. Stateless and thread-safe.
 *
 * @param <M> the model type
 * @param recommender the recommender's name, a folder of the store
 * @param codec the codec of the model type
 */
public record ConfiguredModel<M extends Model>(String recommender, ModelCodec<M> codec) {

    /**
     * What {@link #obtain} did.
     *
     * @param <M> the model type
     * @param model the model to serve, never null
     * @param source how it was had
     * @param saved where a trained model was saved; null when it was not (no store, or the save failed)
     * @param saveFailure why saving a trained model failed; null when it did not fail
     */
    public record Outcome<M extends Model>(M model, Source source, StoredModel saved, ModelFileException saveFailure) {
    }

    /** Where the served model came from. */
    public enum Source {
        /** The current model already was the one asked for. */
        KEPT,
        /** Trained on the dataset now. */
        TRAINED,
        /** Loaded from the store. */
        LOADED
    }

    /**
     * Validates the components.
     *
     * @param recommender the recommender component
     * @param codec the codec component
     */
    public ConfiguredModel {
        Objects.requireNonNull(recommender, "recommender");
        Objects.requireNonNull(codec, "codec");
    }

    /**
     * Obtains the model a configuration asks for.
     *
     * @param storeFolder the {@code model.store} property: a folder, or blank for none
     * @param version the {@code model.version} property: blank to train, else a version or unique prefix
     * @param current the model serving now, or null at activation
     * @param currentTrainedWithTheseSettings whether {@code current} was trained here with the settings now
     *     configured, so that an empty {@code model.version} keeps it instead of training again
     * @param train trains a new model on the dataset; may throw {@link IllegalStateException} (no dataset bound)
     * @param lineage the lineage of a model trained here
     * @return the outcome, never null
     * @throws ModelFileException if the version names no stored model, or its file is damaged or of another type;
     *     the message names the file
     * @throws IllegalStateException if a version is asked for but no store is configured, or training fails
     */
    public Outcome<M> obtain(String storeFolder, String version, M current, boolean currentTrainedWithTheseSettings,
            Supplier<M> train, Function<M, ModelLineage> lineage) throws ModelFileException {
        String store = storeFolder == null ? "" : storeFolder.trim();
        String wanted = version == null ? "" : version.trim();
        if (wanted.isEmpty()) {
            M model = current != null && currentTrainedWithTheseSettings ? current : train.get();
            Source source = model == current ? Source.KEPT : Source.TRAINED;
            if (store.isEmpty()) {
                return new Outcome<>(model, source, null, null);
            }
            try {
                StoredModel saved = ModelStore.at(Path.of(store)).save(recommender, model, codec,
                        lineage.apply(model));
                return new Outcome<>(model, source, saved, null);
            } catch (ModelFileException failure) {
                return new Outcome<>(model, source, null, failure);
            }
        }
        if (current != null && ModelVersion.selects(wanted, current.version())) {
            return new Outcome<>(current, Source.KEPT, null, null);
        }
        if (store.isEmpty()) {
            throw new IllegalStateException("model.version " + wanted + " names a stored model, but model.store is"
                    + " empty");
        }
        return new Outcome<>(ModelStore.at(Path.of(store)).load(recommender, wanted, codec), Source.LOADED, null,
                null);
    }
}
