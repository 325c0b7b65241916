package org.finrec.api.model;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.finrec.api.data.Model;

/**
 * The model one recommender component serves, as its configuration changes, from the two properties every family
 * configures: {@code model.store} (a folder, or empty for none) and {@code model.version} (empty: train on the
 * dataset; else the version, or a unique prefix of at least {@link ModelVersion#MIN_PREFIX} digits, of a stored
 * model). {@link #configure} is called at activation and again at every configuration change:
 * <ul>
 * <li>with a version, it loads that file, unless the model serving already is that version of that type;</li>
 * <li>without one, it trains, unless the model serving was trained here with equal settings; a model trained here
 * is saved to the store, when there is one and it does not hold the model yet, with its lineage.</li>
 * </ul>
 * The new model replaces the serving one in one volatile write, so rollback is a configuration change and requests
 * in flight finish on the model they started with. When no model can be had, {@link #configure} throws and the
 * previous model keeps serving. A failed save does not fail the configuration (the trained model serves anyway)
 * but is reported in the {@link Outcome}, so that the component can log it under its PID.
 *
 * <p>Thread-safe: {@link #model()} is one volatile read; configurations are applied one at a time.
 *
 * @param <M> the model type
 * @param <S> the settings that shape a trained model, compared with {@code equals} (leave out what never changes
 *     the model, such as a number of threads)
 */
public final class ServedModel<M extends Model, S> {

    /** What serves: the model, its codec, and the settings it was trained with here (null when loaded or given). */
    private record State<M extends Model, S>(M model, ModelCodec<M> codec, S trainedWith) {
    }

    /**
     * What one {@link #configure} did.
     *
     * @param <M> the model type
     * @param model the model serving now, never null
     * @param previous the model that served before, or null at the first configuration
     * @param source how the model serving now was had
     * @param saved where a model trained here was saved now; null when it was not (no store, already stored, or
     *     the save failed)
     * @param saveFailure why saving a model trained here failed (a {@link ModelFileException}, or an unchecked
     *     exception of the codec); null when it did not fail
     */
    public record Outcome<M extends Model>(M model, M previous, Source source, StoredModel saved,
            Exception saveFailure) {

        /**
         * Tells whether the serving model changed.
         *
         * @return true when the model serving now is not the previous one
         */
        public boolean swapped() {
            return model != previous;
        }

        /**
         * Says what happened in words, for the component's log: for example {@code trained model 3f2a... (was
         * 9c01...), saved as /models/popularity/3f2a....frmodel}.
         *
         * @return one phrase, without the recommender's name
         */
        public String summary() {
            String verb = switch (source) {
                case KEPT -> "keeps serving model ";
                case TRAINED -> "trained model ";
                case LOADED -> "loaded model ";
            };
            return verb + model.version() + (swapped() && previous != null ? " (was " + previous.version() + ")" : "")
                    + (saved != null ? ", saved as " + saved.file() : "");
        }
    }

    /** Where the model serving after a {@link #configure} came from. */
    public enum Source {
        /** The model serving already was the one asked for. */
        KEPT,
        /** Trained on the dataset now. */
        TRAINED,
        /** Loaded from the store. */
        LOADED
    }

    private volatile State<M, S> state;

    /** Creates the holder of one recommender's model; nothing serves until the first {@link #configure}. */
    public ServedModel() {
    }

    /**
     * Creates the holder serving a given model (tests and tools).
     *
     * @param model the model
     * @param codec its codec
     */
    public ServedModel(M model, ModelCodec<M> codec) {
        serve(model, codec);
    }

    /**
     * Returns the model serving now.
     *
     * @return the model, never null once configured
     * @throws IllegalStateException before the first configuration
     */
    public M model() {
        State<M, S> now = state;
        if (now == null) {
            throw new IllegalStateException("no model serves yet: the component was never configured");
        }
        return now.model();
    }

    /**
     * Serves a given model from now on, in one write, as a model loaded from elsewhere (tests and tools).
     *
     * @param model the model, not null
     * @param codec its codec, not null
     */
    public synchronized void serve(M model, ModelCodec<M> codec) {
        state = new State<>(Objects.requireNonNull(model, "model"), Objects.requireNonNull(codec, "codec"), null);
    }

    /**
     * Applies a configuration: serves the model it asks for.
     *
     * @param recommender the recommender's name, its folder in the store
     * @param storeFolder the {@code model.store} property: a folder, or blank for none
     * @param version the {@code model.version} property: blank to train, else a version or unique prefix
     * @param codec the codec of the model type the configuration serves
     * @param settings the configured settings that shape a trained model
     * @param train trains a model with these settings on the dataset; may throw {@link IllegalStateException}
     *     (for example when no dataset is bound)
     * @param lineage the lineage of a model trained here
     * @return what happened, never null
     * @throws ModelFileException if the version names no stored model, or its file is damaged or of another type;
     *     the message names the file; the previous model keeps serving
     * @throws IllegalStateException if a version is asked for but no store is configured, or training fails; the
     *     previous model keeps serving
     */
    public Outcome<M> configure(String recommender, String storeFolder, String version, ModelCodec<M> codec,
            S settings, Supplier<? extends M> train, Function<? super M, ModelLineage> lineage)
            throws ModelFileException {
        return configure(recommender, storeFolder, version, codec, settings, train, lineage, model -> { });
    }

    /**
     * Applies a configuration, as {@link #configure(String, String, String, ModelCodec, Object, Supplier, Function)}
     * does, but lets the component refuse a model before it serves: for example a stored model trained on another
     * catalogue than the one the component serves.
     *
     * @param recommender the recommender's name, its folder in the store
     * @param storeFolder the {@code model.store} property: a folder, or blank for none
     * @param version the {@code model.version} property: blank to train, else a version or unique prefix
     * @param codec the codec of the model type the configuration serves
     * @param settings the configured settings that shape a trained model
     * @param train trains a model with these settings on the dataset
     * @param lineage the lineage of a model trained here
     * @param accept called with a new model (loaded or trained) before it replaces the serving one; throws
     *     {@link IllegalStateException}, naming why, to refuse it
     * @return what happened, never null
     * @throws ModelFileException if the version names no stored model, or its file is damaged or of another type;
     *     the previous model keeps serving
     * @throws IllegalStateException if a version is asked for but no store is configured, training fails, or
     *     {@code accept} refuses the model; the previous model keeps serving
     * @since 1.1
     */
    public synchronized Outcome<M> configure(String recommender, String storeFolder, String version, ModelCodec<M> codec,
            S settings, Supplier<? extends M> train, Function<? super M, ModelLineage> lineage,
            Consumer<? super M> accept) throws ModelFileException {
        String store = storeFolder == null ? "" : storeFolder.trim();
        String wanted = version == null ? "" : version.trim();
        State<M, S> current = state;
        M previous = current == null ? null : current.model();
        State<M, S> next;
        Source source;
        if (wanted.isEmpty()) {
            boolean keep = current != null && current.trainedWith() != null && current.trainedWith().equals(settings)
                    && current.codec().type().equals(codec.type());
            next = keep ? current : new State<>(train.get(), codec, settings);
            source = keep ? Source.KEPT : Source.TRAINED;
        } else if (current != null && current.codec().type().equals(codec.type())
                && ModelVersion.selects(wanted, current.model().version())) {
            next = current;
            source = Source.KEPT;
        } else {
            if (store.isEmpty()) {
                throw new IllegalStateException("model.version " + wanted + " names a stored model, but model.store"
                        + " is empty");
            }
            next = new State<>(ModelStore.at(Path.of(store)).load(recommender, wanted, codec), codec, null);
            source = Source.LOADED;
        }
        if (next != current) {
            accept.accept(next.model());
        }
        state = next; // a model trained here serves whether or not it can be saved
        StoredModel saved = null;
        Exception saveFailure = null;
        if (next.trainedWith() != null && !store.isEmpty()) {
            try {
                saved = saveIfMissing(ModelStore.at(Path.of(store)), recommender, next, lineage);
            } catch (ModelFileException | RuntimeException failure) {
                saveFailure = failure;
            }
        }
        return new Outcome<>(next.model(), previous, source, saved, saveFailure);
    }

    /** Saves a model trained here unless the store holds it already (the store may be new to a kept model). */
    private static <M extends Model, S> StoredModel saveIfMissing(ModelStore store, String recommender,
            State<M, S> trained, Function<? super M, ModelLineage> lineage) throws ModelFileException {
        if (Files.exists(store.file(recommender, trained.model().version()))) {
            return null;
        }
        return store.save(recommender, trained.model(), trained.codec(), lineage.apply(trained.model()));
    }
}
