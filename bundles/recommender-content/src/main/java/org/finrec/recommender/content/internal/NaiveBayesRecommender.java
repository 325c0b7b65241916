package org.finrec.recommender.content.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.finrec.api.Product;
import org.finrec.api.ProductCatalog;
import org.finrec.api.config.ConfigurationReader;
import org.finrec.api.config.InvalidConfigurationException;
import org.finrec.api.data.Dataset;
import org.finrec.api.recommend.Explanation;
import org.finrec.api.recommend.Reason;
import org.finrec.api.recommend.ReasonCodes;
import org.finrec.api.recommend.RecommendationRequest;
import org.finrec.api.model.ModelFileException;
import org.finrec.api.model.ModelLineage;
import org.finrec.api.model.Reconfiguration;
import org.finrec.api.model.ServedModel;
import org.finrec.api.spi.Recommender;
import org.finrec.api.spi.RequestScorer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recommends by profile: the naive-Bayes log odds that a customer with this profile holds a product, against the
 * customers who do not (the "p(like | user features) / p(dislike | user features)" of the content-based family).
 * Works for a new customer with a profile and no holdings; has no opinion (NaN) of a product no training customer
 * holds or bought. Explains every score as the base odds plus one term per profile feature, naming the feature and
 * the holding rates behind it. Trains on the referenced {@link Dataset} at activation (and saves the model to
 * {@code model.store}), or loads {@code model.version} from the store through the shared model lifecycle
 * ({@link ServedModel}); changing {@code model.version} swaps the model, and one that cannot be loaded leaves
 * the previous one serving. One instance per factory configuration.
 */
@Component(service = Recommender.class, configurationPid = NaiveBayesRecommender.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE,
        property = {
            Recommender.NAME + "=content",
            Recommender.FAMILY + "=" + Recommender.FAMILY_CONTENT
        })
@Designate(ocd = NaiveBayesConfiguration.class, factory = true)
public final class NaiveBayesRecommender implements Recommender {

    static final String PID = "org.finrec.recommender.content";

    private static final Logger LOG = LoggerFactory.getLogger(NaiveBayesRecommender.class);

    /** The training settings of a configuration. */
    private record Settings(List<String> features, double smoothing) {
        /**
         * Reads and checks the training settings of a configuration as it arrives.
         *
         * @throws InvalidConfigurationException naming the PID, property and value of a setting out of range
         */
        static Settings of(Map<String, ?> properties) {
            ConfigurationReader reader = ConfigurationReader.of(PID, properties);
            reader.text(Recommender.NAME, NaiveBayesConfiguration.DEFAULT_NAME);
            // no features at all is allowed: the model is then the products' prior odds
            List<String> features = reader.texts("features", NaiveBayesConfiguration.DEFAULT_FEATURES);
            // a smoothing of 0 gives a product nobody in a profile holds log odds of minus infinity
            return new Settings(features, reader.number("smoothing", NaiveBayesConfiguration.DEFAULT_SMOOTHING,
                    NaiveBayesConfiguration.MIN_SMOOTHING, NaiveBayesConfiguration.MAX_SMOOTHING));
        }

        Map<String, String> asParameters() {
            return Map.of("features", String.join(",", features), "smoothing", Double.toString(smoothing));
        }
    }

    private final String name;
    /** The bound Dataset, or null when none is (only possible with {@code dataset.cardinality.minimum=0}). */
    private final Dataset dataset;
    private final ServedModel<NaiveBayesModel, Settings> served;
    /** Applies configuration changes off Configuration Admin's delivery thread (a retraining takes long). */
    private final Reconfiguration reconfiguration;

    /**
     * Activates the component: trains (and saves to {@code model.store}), or loads {@code model.version}.
     *
     * @throws IllegalStateException when no model can be had; the message names the file and the problem
     */
    @Activate
    public NaiveBayesRecommender(NaiveBayesConfiguration configuration, Map<String, Object> properties,
            @Reference(name = "dataset", cardinality = ReferenceCardinality.OPTIONAL) Dataset dataset) {
        Settings settings = Settings.of(properties);
        this.name = configuration.finrec_recommender_name().trim();
        this.dataset = dataset;
        this.served = new ServedModel<>();
        this.reconfiguration = new Reconfiguration(this.name);
        try {
            configure(configuration, settings);
        } catch (ModelFileException e) {
            throw new IllegalStateException("Naive-Bayes recommender " + name + " cannot load model "
                    + configuration.model_version().trim() + ": " + e.getMessage(), e);
        }
    }

    NaiveBayesRecommender(String name, NaiveBayesModel model) {
        this.name = name;
        this.dataset = null;
        this.served = new ServedModel<>(model, NaiveBayesCodec.CODEC);
        this.reconfiguration = new Reconfiguration(this.name);
    }

    /**
     * Applies a configuration change without deactivating (see {@link ServedModel#configure}): a setting out of
     * range is refused at once and logged with its PID and property; a model that cannot be had is logged; either
     * way the previous model keeps serving.
     */
    @Modified
    void modified(NaiveBayesConfiguration configuration, Map<String, Object> properties) {
        reconfiguration.submit(() -> Settings.of(properties), settings -> configure(configuration, settings),
            refused -> LOG.error("{}; naive-Bayes recommender {} keeps its previous configuration and model {}",
                    refused.getMessage(), name, modelVersion()), e ->
            LOG.error("Naive-Bayes recommender {} (PID {}) refused model.version '{}': {}; still serving model {}",
                    name, PID, configuration.model_version().trim(), e.getMessage(), modelVersion(), e));
    }

    /** Waits until the configuration changes submitted so far are applied or refused (for tests). */
    boolean awaitReconfiguration(long timeoutMillis) throws InterruptedException {
        return reconfiguration.awaitIdle(timeoutMillis);
    }

    /** Skips the configuration changes not applied yet: the component is going away. */
    @Deactivate
    void deactivate() {
        reconfiguration.close();
    }


    private void configure(NaiveBayesConfiguration configuration, Settings settings) throws ModelFileException {
        ServedModel.Outcome<NaiveBayesModel> outcome = served.configure(name, configuration.model_store(),
                configuration.model_version(), NaiveBayesCodec.CODEC, settings, () -> train(settings),
                model -> ModelLineage.of(NaiveBayesModel.class.getName(), settings.asParameters(), dataset));
        LOG.info("Naive-Bayes recommender {} {}", name, outcome.summary());
        if (outcome.saveFailure() != null) {
            LOG.error("Naive-Bayes recommender {} serves model {} but could not save it: {}", name,
                    outcome.model().version(), outcome.saveFailure().getMessage(), outcome.saveFailure());
        }
    }

    private NaiveBayesModel train(Settings settings) {
        if (dataset == null) {
            throw new IllegalStateException("model.version is empty, so the model must be trained, but no Dataset"
                    + " service is bound");
        }
        return NaiveBayesModel.train(dataset, settings.features(), settings.smoothing());
    }

    /** Serves a given model from now on, in one write; scorers handed out before keep the model they were bound to. */
    void serve(NaiveBayesModel model) {
        served.serve(model, NaiveBayesCodec.CODEC);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String family() {
        return FAMILY_CONTENT;
    }

    @Override
    public String modelVersion() {
        return served.model().version();
    }

    @Override
    public RequestScorer scorer(RecommendationRequest request, ProductCatalog catalog) {
        NaiveBayesModel model = served.model(); // one read: the scorer uses one model, whatever swaps later
        return new Scorer(model, catalog, model.productIndices(catalog), model.profile(request.customer()));
    }

    /** Scores one customer's profile, binned once, with one model. */
    private static final class Scorer implements RequestScorer {
        private final NaiveBayesModel model;
        private final ProductCatalog catalog;
        private final int[] modelIndex;
        private final List<Optional<String>> profile;

        Scorer(NaiveBayesModel model, ProductCatalog catalog, int[] modelIndex, List<Optional<String>> profile) {
            this.model = model;
            this.catalog = catalog;
            this.modelIndex = modelIndex;
            this.profile = profile;
        }

        @Override
        public String modelVersion() {
            return model.version();
        }

        @Override
        public double[] score(int[] candidates) {
            double[] scores = new double[candidates.length];
            for (int i = 0; i < scores.length; i++) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new IllegalStateException("interrupted");
                }
                int product = modelIndex[candidates[i]];
                // a product no training customer holds or bought has no odds to learn: no opinion, not smoothing
                scores[i] = product < 0 || !model.hasEvidence(product) ? Double.NaN : model.score(product, profile);
            }
            return scores;
        }

        @Override
        public Explanation explain(int candidate) {
            Product product = catalog.products().get(candidate);
            int p = modelIndex[candidate];
            if (p < 0 || !model.hasEvidence(p)) {
                throw new IllegalArgumentException("content model " + model.version() + " has never seen a holder "
                        + "or buyer of product " + product.id());
            }
            List<Reason> reasons = new ArrayList<>();
            reasons.add(new Reason(ReasonCodes.POPULAR_OVERALL, String.format(Locale.ROOT,
                    "%s is held by %.1f%% of all customers (%d of %d): the starting odds.", product.name(),
                    100.0 * model.holders(p) / Math.max(1, model.customers()), model.holders(p), model.customers()),
                    model.logPriorOdds(p)));
            for (int f = 0; f < model.features().size(); f++) {
                Optional<String> value = profile.get(f);
                if (value.isEmpty()) {
                    continue;
                }
                double[] shares = model.holdingShares(f, value.get(), p);
                double term = model.logLikelihoodRatio(f, value, p);
                reasons.add(new Reason(ReasonCodes.PROFILE_MATCH, String.format(Locale.ROOT,
                        "Customers with %s %s hold %s %s often than others (%.1f%% against %.1f%%).",
                        model.features().get(f), value.get(), product.name(), term >= 0 ? "more" : "less",
                        100 * shares[0], 100 * shares[1]), term));
            }
            return new Explanation(product.id(), model.score(p, profile), reasons);
        }
    }
}
