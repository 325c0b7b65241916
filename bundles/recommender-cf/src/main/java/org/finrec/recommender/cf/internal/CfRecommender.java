package org.finrec.recommender.cf.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.finrec.api.Interaction;
import org.finrec.api.ProductCatalog;
import org.finrec.api.data.Dataset;
import org.finrec.api.model.ModelFileException;
import org.finrec.api.model.ModelLineage;
import org.finrec.api.model.Reconfiguration;
import org.finrec.api.model.ServedModel;
import org.finrec.api.recommend.Explanation;
import org.finrec.api.recommend.RecommendationRequest;
import org.finrec.api.spi.Recommender;
import org.finrec.api.spi.RequestScorer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the four collaborative-filtering components share: the dataset they train on, the {@link ServedModel} and
 * its model store, the swap on a configuration change, and the scoring. Each algorithm is its own component, with
 * its own factory PID, typed configuration and metatype ({@link UserKnnRecommender}, {@link ItemKnnRecommender},
 * {@link AlsRecommender}, {@link BprRecommender}); it checks its configuration into a {@link CfSetup} and hands it
 * here. A customer is described by what they have: their training row when they were in the training data, plus
 * the holdings the request carries and the positive events of the request's session, so that customers unknown to
 * the model (new ones, or the bank's live customers after training) are served too.
 *
 * <p><b>Refused configurations.</b> A configuration whose properties are out of range, do not convert, belong to
 * another algorithm or to the former single PID {@code org.finrec.recommender.cf} ({@code algorithm},
 * {@code adoption.kinds}) is refused with one message naming its PID, the property, the value and what is allowed
 * (see {@link CfPropertyCheck}): at activation the component fails to activate with that message; at a change the
 * message is logged as an error and the previous model keeps serving.
 *
 * <p><b>Where the model comes from.</b> With {@code model.version} empty the component trains on the referenced
 * {@link Dataset} at activation and, when {@code model.store} names a folder, saves the model there as
 * {@code <store>/<name>/<model version>.frmodel} with its lineage (see {@link org.finrec.api.model.ModelStore}; a
 * failed save is logged and the trained model serves anyway). The model version is the content hash of the model
 * ({@link org.finrec.api.model.ModelVersion}), so training again on the same data with the same settings gives the
 * same version and file. With {@code model.version} set (the full version, or a unique prefix of at least 12 of its
 * hex digits) it loads that file instead of training; activation fails, with a message naming the file and the
 * problem, when the file is missing, corrupt, truncated, of another algorithm than the component's or not the
 * version its name says. A loaded model brings the scoring settings it was trained with (similarity, neighbours,
 * factors, positive kinds...); the configured hyper-parameters apply to training.
 *
 * <p><b>Swapping and rollback.</b> A configuration change calls {@link #reconfigure}, which does what activation would
 * do with the new configuration (load the version named; or, with the version emptied, train again unless the
 * model serving was trained with the same settings) and then replaces the serving model in one volatile write.
 * Requests read that reference once, so a request in flight finishes with the model it started with and every
 * response comes from exactly one model. If the new model cannot be had, the error is logged with its message and
 * the previous model keeps serving; the component stays active. Rolling back is setting {@code model.version} to
 * an older version.
 *
 * <p><b>Delayed, kept, reconfigured off the delivery thread.</b> Declarative Services registers the service when
 * the configuration arrives and activates the component (trains or loads) on the thread that first obtains it,
 * never on Configuration Admin's one delivery thread; the runtime keeps delayed instances
 * ({@code ds.delayed.keepInstances}), so the instance and its model live as long as the component is configured.
 * A configuration change is checked at once and applied by a {@link Reconfiguration} on the recommender's own
 * thread, while the previous model serves.
 *
 * <p><b>The dataset reference</b> is static (constructor injection) and optional in the component description,
 * but the component property {@code dataset.cardinality.minimum} (Declarative Services' minimum-cardinality
 * property) defaults to 1, so by default the component waits for a Dataset. A configuration that loads a stored
 * model may set it to 0 to activate without any Dataset; one that trains and has none fails to activate with a
 * message saying so.
 */
class CfRecommender implements Recommender {

    /** The bound Dataset, or null when none is (only possible with {@code dataset.cardinality.minimum=0}). */
    private final Dataset dataset;
    private final Logger log;
    private volatile String name;
    /** What serves, with the settings it was trained with here (threads left out: they never change a model). */
    private final ServedModel<CfModel, CfSettings> served;
    /** Applies configuration changes off Configuration Admin's delivery thread (a retraining takes long). */
    private final Reconfiguration reconfiguration;

    /**
     * Activates a component: trains, or loads {@code model.version} from the store.
     *
     * @param setup the component's configuration, checked
     * @param dataset the bound Dataset, or null
     * @param log where to log
     * @throws IllegalStateException when no model can be had (the message says why and names the artifact)
     */
    CfRecommender(CfSetup setup, Dataset dataset, Logger log) {
        this.dataset = dataset;
        this.log = log;
        this.name = setup.name();
        this.served = new ServedModel<>();
        this.reconfiguration = new Reconfiguration(name);
        ServedModel.Outcome<CfModel> first;
        try {
            first = configure(setup);
        } catch (ModelFileException e) {
            throw new IllegalStateException("Recommender " + name + " (" + setup.pid() + ") cannot load model "
                    + setup.modelVersion().trim() + ": " + e.getMessage(), e);
        }
        if (first.source() == ServedModel.Source.TRAINED) {
            log.info("Recommender {} ({}) trained on {}: model {}", name, setup.settings().algorithm(), dataset,
                    first.model().version());
        } else {
            log.info("Recommender {} ({}) loaded model {} from {}", name, setup.settings().algorithm(),
                    first.model().version(), setup.modelStore());
        }
        logSave(first);
    }

    /** A recommender serving a given model, without store or dataset (tests and tools). */
    CfRecommender(String name, CfModel model) {
        this.dataset = null;
        this.log = LoggerFactory.getLogger(CfRecommender.class);
        this.name = name;
        this.served = new ServedModel<>(model, model.algorithm().codec());
        this.reconfiguration = new Reconfiguration(name);
    }

    /**
     * Applies a configuration change without deactivating: checks the new configuration, loads the version now
     * named (or trains, when the version was emptied and the serving model was not trained here with the same
     * settings) and swaps the serving model atomically (see {@link ServedModel#configure}). When the configuration
     * is refused or no model can be had, logs the error (with the PID and property of a refused one) and keeps
     * serving the previous model.
     *
     * @param setup checks the new configuration; throws {@link IllegalArgumentException} to refuse it
     */
    void reconfigure(Supplier<CfSetup> setup) {
        String current = modelVersion();
        CfSetup checked;
        try {
            checked = setup.get();
        } catch (IllegalArgumentException e) {
            log.error("Recommender {} keeps serving model {}: {}", name, current, e.getMessage());
            return;
        }
        String wanted = checked.modelVersion().trim();
        name = checked.name();
        reconfiguration.submit(() -> {
            ServedModel.Outcome<CfModel> outcome = configure(checked);
            logSave(outcome);
            if (outcome.swapped()) {
                log.info("Recommender {} now serves model {} (was {})", name, outcome.model().version(),
                        outcome.previous().version());
            }
        }, e -> log.error("Recommender {} ({}) cannot switch to model {}: {}; still serving model {}", name,
                checked.pid(), wanted.isEmpty() ? "(trained on the dataset)" : wanted, e.getMessage(),
                modelVersion(), e));
    }

    /**
     * Skips the configuration changes not applied yet: the component is going away. Declarative Services finds
     * this method by its default name on every algorithm's component.
     */
    void deactivate() {
        reconfiguration.close();
    }

    /** Waits until the configuration changes made so far are applied (tests). */
    boolean awaitReconfigured(long timeoutMillis) throws InterruptedException {
        return reconfiguration.awaitIdle(timeoutMillis);
    }

    /** Serves the model a configuration asks for: kept, loaded, or trained (and saved). */
    private ServedModel.Outcome<CfModel> configure(CfSetup setup) throws ModelFileException {
        CfSettings settings = setup.settings();
        return served.configure(setup.name(), setup.modelStore(), setup.modelVersion(),
                settings.algorithm().codec(), settings.withThreads(1), () -> train(settings, setup.datasetTarget()),
                model -> ModelLineage.of(settings.algorithm().trainer(settings).getClass().getName(),
                        lineageParameters(settings), dataset));
    }

    private CfModel train(CfSettings settings, String datasetTarget) {
        if (dataset == null) {
            throw new IllegalStateException("model.version is empty, so the model must be trained, but no Dataset"
                    + " service is bound (dataset.target " + datasetTarget + ")");
        }
        return settings.algorithm().trainer(settings).train(dataset,
                (step, done, total) -> log.debug("{}: {} {}/{}", settings.algorithm(), step, done, total));
    }

    /** Logs where a trained model was saved, or why it could not be: the model serves anyway. */
    private void logSave(ServedModel.Outcome<CfModel> outcome) {
        if (outcome.saved() != null) {
            log.info("Recommender {} saved model {} as {}", name, outcome.model().version(), outcome.saved().file());
        }
        if (outcome.saveFailure() != null) {
            log.error("Recommender {} serves model {} but could not save it: {}", name, outcome.model().version(),
                    outcome.saveFailure().getMessage(), outcome.saveFailure());
        }
    }

    /**
     * The settings that shape a model of the settings' algorithm (not the number of threads, which never changes
     * it), by name.
     */
    static Map<String, String> lineageParameters(CfSettings settings) {
        Map<String, String> parameters = new TreeMap<>();
        parameters.put("algorithm", settings.algorithm().name());
        parameters.put("positiveKinds", new TreeSet<>(settings.positiveKinds()).toString());
        Algorithm algorithm = settings.algorithm();
        if (algorithm == Algorithm.USER_KNN || algorithm == Algorithm.ITEM_KNN) {
            parameters.put("similarity", settings.similarity().name());
            parameters.put("neighbours", Integer.toString(settings.neighbours()));
            return parameters;
        }
        parameters.put("factors", Integer.toString(settings.factors()));
        parameters.put("regularization", Double.toString(settings.regularization()));
        parameters.put("seed", Long.toString(settings.seed()));
        if (algorithm == Algorithm.ALS) {
            parameters.put("iterations", Integer.toString(settings.iterations()));
            parameters.put("alpha", Double.toString(settings.alpha()));
        } else {
            parameters.put("learningRate", Double.toString(settings.learningRate()));
            parameters.put("epochs", Integer.toString(settings.epochs()));
        }
        return parameters;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String family() {
        return FAMILY_COLLABORATIVE;
    }

    @Override
    public String modelVersion() {
        return served.model().version();
    }

    /**
     * Serves another model from now on, in one write (tests and tools; configurations swap through
     * {@link #modified}). Scorers already handed out keep the model they were bound to.
     */
    void serve(CfModel model) {
        served.serve(model, model.algorithm().codec());
    }

    /** The model serving now (tests and tools). */
    CfModel servingModel() {
        return served.model();
    }

    @Override
    public RequestScorer scorer(RecommendationRequest request, ProductCatalog catalog) {
        CfModel model = served.model(); // one read: the scorer uses one model, whatever swaps later
        FeedbackMatrix matrix = model.matrix();
        int user = matrix.userIndex(request.customer().id());
        return new Scorer(model, catalog, matrix.itemIndices(catalog), user, positiveItems(matrix, request, user));
    }

    /** Scores every product of the model once, on the first call, and explains from that pass. */
    private static final class Scorer implements RequestScorer {
        private final CfModel model;
        private final ProductCatalog catalog;
        private final int[] itemIndex;
        private final int user;
        private final int[] positive;
        private float[] all;
        private CfModel.Explainer explainer;

        Scorer(CfModel model, ProductCatalog catalog, int[] itemIndex, int user, int[] positive) {
            this.model = model;
            this.catalog = catalog;
            this.itemIndex = itemIndex;
            this.user = user;
            this.positive = positive;
        }

        private float[] all() {
            if (all == null) {
                float[] scores = new float[model.matrix().items()];
                explainer = model.score(user, positive, scores);
                all = scores;
            }
            return all;
        }

        @Override
        public String modelVersion() {
            return model.version();
        }

        @Override
        public double[] score(int[] candidates) {
            float[] scoresByItem = all();
            double[] scores = new double[candidates.length];
            for (int c = 0; c < scores.length; c++) {
                int item = itemIndex[candidates[c]];
                scores[c] = item < 0 ? Double.NaN : scoresByItem[item];
            }
            return scores;
        }

        @Override
        public Explanation explain(int candidate) {
            int item = itemIndex[candidate];
            String productId = catalog.products().get(candidate).id();
            if (item < 0) {
                throw new IllegalArgumentException("model " + model.version() + " has never seen product " + productId);
            }
            double score = all()[item];
            return new Explanation(productId, score, explainer.explain(item, score));
        }
    }

    /** The customer's training row, current holdings and positive session events, as sorted product indices. */
    private static int[] positiveItems(FeedbackMatrix matrix, RecommendationRequest request, int user) {
        int trained = user >= 0 ? matrix.itemCountOf(user) : 0;
        int[] items = new int[trained + request.customer().holdings().size() + request.recentEvents().size()];
        int size = 0;
        if (user >= 0) {
            System.arraycopy(matrix.userItems, matrix.userStart[user], items, 0, trained);
            size = trained;
        }
        for (String productId : request.customer().holdings()) {
            int item = matrix.itemIndex(productId);
            if (item >= 0) {
                items[size++] = item;
            }
        }
        for (Interaction event : request.recentEvents()) {
            int item = matrix.itemIndex(event.productId());
            if (item >= 0 && matrix.positiveKinds().contains(event.kind())) {
                items[size++] = item;
            }
        }
        Arrays.sort(items, 0, size);
        int distinct = 0;
        for (int k = 0; k < size; k++) {
            if (k == 0 || items[k] != items[k - 1]) {
                items[distinct++] = items[k];
            }
        }
        return Arrays.copyOf(items, distinct);
    }
}
