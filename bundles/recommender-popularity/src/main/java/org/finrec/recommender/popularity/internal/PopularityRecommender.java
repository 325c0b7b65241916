package org.finrec.recommender.popularity.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.finrec.api.InteractionKind;
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
 * Recommends what customers of the same segment, and customers overall, adopted most: the baseline every other
 * family must beat and the facade's default fallback. Trains on the referenced {@link Dataset} at activation (and
 * saves the model to {@code model.store}), or loads {@code model.version} from the store, through the shared model
 * lifecycle ({@link ServedModel}); changing {@code model.version} swaps the model, and a version that cannot be
 * loaded leaves the previous one serving. One instance per factory configuration (for example one segmenting by
 * segment, one by age band); the core feature configures the instance named {@code popularity}. Delayed: its service is
 * registered at once, and the component activates (trains or loads its model) on the thread that first obtains it
 * (the facade's binder, a host waiting for it), never on Configuration Admin's delivery thread; configuration
 * changes are applied off that thread too ({@link Reconfiguration}). The runtime keeps delayed instances
 * ({@code ds.delayed.keepInstances}), so the model is trained once per configuration, not whenever the last
 * consumer lets go of the service.
 */
@Component(service = Recommender.class, configurationPid = PopularityRecommender.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE,
        property = {
            Recommender.NAME + "=popularity",
            Recommender.FAMILY + "=" + Recommender.FAMILY_POPULARITY
        })
@Designate(ocd = PopularityConfiguration.class, factory = true)
public final class PopularityRecommender implements Recommender {

    static final String PID = "org.finrec.recommender.popularity";

    private static final Logger LOG = LoggerFactory.getLogger(PopularityRecommender.class);

    /** The most pseudo-customers of smoothing: far more than any segment needs, well before overflow. */
    static final double MAX_SMOOTHING = 1e9;

    /** The training settings of a configuration. */
    private record Settings(String segmentAttribute, double smoothing, Set<InteractionKind> positiveKinds) {
        /**
         * Reads and checks the training settings of a configuration as it arrives.
         *
         * @throws InvalidConfigurationException naming the PID, property and value of a setting out of range
         */
        static Settings of(Map<String, ?> properties) {
            ConfigurationReader reader = ConfigurationReader.of(PID, properties);
            reader.text(Recommender.NAME, PopularityConfiguration.DEFAULT_NAME);
            // an empty segment attribute is overall popularity
            return new Settings(reader.optionalText("segment.attribute",
                            PopularityConfiguration.DEFAULT_SEGMENT_ATTRIBUTE),
                    reader.number("smoothing", PopularityConfiguration.DEFAULT_SMOOTHING, 0, MAX_SMOOTHING),
                    reader.choices("positive.kinds", InteractionKind.class,
                            Set.of(InteractionKind.PURCHASE, InteractionKind.HOLD)));
        }

        Map<String, String> asParameters() {
            return Map.of("segment.attribute", segmentAttribute, "smoothing", Double.toString(smoothing),
                    "positive.kinds", new TreeSet<>(positiveKinds).toString());
        }
    }

    private final String name;
    /** The bound Dataset, or null when none is (only possible with {@code dataset.cardinality.minimum=0}). */
    private final Dataset dataset;
    private final ServedModel<PopularityModel, Settings> served;
    /** Applies configuration changes off Configuration Admin's delivery thread (a retraining takes long). */
    private final Reconfiguration reconfiguration;

    /**
     * Activates the component: checks the configuration, then trains (and saves to {@code model.store}), or loads
     * {@code model.version}.
     *
     * @throws InvalidConfigurationException when a setting is out of range, naming the PID, property and value
     * @throws IllegalStateException when no model can be had; the message names the file and the problem
     */
    @Activate
    public PopularityRecommender(PopularityConfiguration configuration, Map<String, Object> properties,
            @Reference(name = "dataset", cardinality = ReferenceCardinality.OPTIONAL) Dataset dataset) {
        Settings settings = Settings.of(properties);
        this.name = configuration.finrec_recommender_name().trim();
        this.dataset = dataset;
        this.served = new ServedModel<>();
        this.reconfiguration = new Reconfiguration(this.name);
        try {
            configure(configuration, settings);
        } catch (ModelFileException e) {
            throw new IllegalStateException("Popularity recommender " + name + " cannot load model "
                    + configuration.model_version().trim() + ": " + e.getMessage(), e);
        }
    }

    PopularityRecommender(String name, PopularityModel model) {
        this.name = name;
        this.dataset = null;
        this.served = new ServedModel<>(model, PopularityCodec.CODEC);
        this.reconfiguration = new Reconfiguration(this.name);
    }

    /**
     * Applies a configuration change without deactivating (see {@link ServedModel#configure}): a setting out of
     * range is refused at once and logged with its PID and property; a model that cannot be had is logged; either
     * way the previous model keeps serving.
     */
    @Modified
    void modified(PopularityConfiguration configuration, Map<String, Object> properties) {
        reconfiguration.submit(() -> Settings.of(properties), settings -> configure(configuration, settings),
            refused -> LOG.error("{}; popularity recommender {} keeps its previous configuration and model {}",
                    refused.getMessage(), name, modelVersion()), e ->
            LOG.error("Popularity recommender {} (PID {}) refused model.version '{}': {}; still serving model {}",
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


    private void configure(PopularityConfiguration configuration, Settings settings) throws ModelFileException {
        ServedModel.Outcome<PopularityModel> outcome = served.configure(name, configuration.model_store(),
                configuration.model_version(), PopularityCodec.CODEC, settings, () -> train(settings),
                model -> ModelLineage.of(PopularityTrainer.class.getName(), settings.asParameters(), dataset));
        LOG.info("Popularity recommender {} {}", name, outcome.summary());
        if (outcome.saveFailure() != null) {
            LOG.error("Popularity recommender {} serves model {} but could not save it: {}", name,
                    outcome.model().version(), outcome.saveFailure().getMessage(), outcome.saveFailure());
        }
    }

    private PopularityModel train(Settings settings) {
        if (dataset == null) {
            throw new IllegalStateException("model.version is empty, so the model must be trained, but no Dataset"
                    + " service is bound");
        }
        return new PopularityTrainer(settings.segmentAttribute(), settings.smoothing(), settings.positiveKinds())
                .train(dataset, (step, done, total) -> LOG.debug("{}: {} {}/{}", name, step, done, total));
    }

    /** Serves a given model from now on, in one write; scorers handed out before keep the model they were bound to. */
    void serve(PopularityModel model) {
        served.serve(model, PopularityCodec.CODEC);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String family() {
        return FAMILY_POPULARITY;
    }

    @Override
    public String modelVersion() {
        return served.model().version();
    }

    @Override
    public RequestScorer scorer(RecommendationRequest request, ProductCatalog catalog) {
        PopularityModel model = served.model(); // one read: the scorer uses one model, whatever swaps later
        String segmentValue = request.customer().attribute(model.segmentAttribute()).orElse(null);
        return new Scorer(model, catalog, model.productIndices(catalog), segmentValue);
    }

    /** Scores one customer's segment with one model. */
    private static final class Scorer implements RequestScorer {
        private final PopularityModel model;
        private final ProductCatalog catalog;
        private final int[] modelIndex;
        private final String segmentValue;
        private final PopularityModel.SegmentCounts segment;

        Scorer(PopularityModel model, ProductCatalog catalog, int[] modelIndex, String segmentValue) {
            this.model = model;
            this.catalog = catalog;
            this.modelIndex = modelIndex;
            this.segmentValue = segmentValue;
            this.segment = model.segment(segmentValue);
        }

        @Override
        public String modelVersion() {
            return model.version();
        }

        @Override
        public double[] score(int[] candidates) {
            double[] scores = new double[candidates.length];
            for (int i = 0; i < scores.length; i++) {
                int product = modelIndex[candidates[i]];
                scores[i] = product < 0 ? Double.NaN : model.score(product, segment);
            }
            return scores;
        }

        @Override
        public Explanation explain(int candidate) {
            Product product = catalog.products().get(candidate);
            int p = modelIndex[candidate];
            if (p < 0) {
                throw new IllegalArgumentException("popularity model " + model.version() + " has never seen product "
                        + product.id());
            }
            double weight = model.segmentWeight(segment);
            List<Reason> reasons = new ArrayList<>(2);
            if (segment != null) {
                double rate = PopularityModel.segmentRate(segment, p);
                reasons.add(new Reason(ReasonCodes.POPULAR_IN_SEGMENT, String.format(
                        "%s is held by %.1f%% of customers with %s %s (%d of %d).", product.name(), 100 * rate,
                        model.segmentAttribute(), segmentValue, segment.adopters()[p], segment.customers()),
                        weight * rate));
            }
            reasons.add(new Reason(ReasonCodes.POPULAR_OVERALL, String.format(
                    "%s is held by %.1f%% of all customers (%d of %d).", product.name(), 100 * model.overallRate(p),
                    model.adopters(p), model.customerCount()), (1 - weight) * model.overallRate(p)));
            return new Explanation(product.id(), model.score(p, segment), reasons);
        }
    }
}
