package org.finrec.recommender.sequential.internal;

import ai.djl.Device;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.finrec.api.ProductCatalog;
import org.finrec.api.config.ConfigurationReader;
import org.finrec.api.config.InvalidConfigurationException;
import org.finrec.api.data.CustomerHistories;
import org.finrec.api.data.Dataset;
import org.finrec.api.data.ProgressListener;
import org.finrec.api.inference.InferenceRuntime;
import org.finrec.api.model.ModelFileException;
import org.finrec.api.model.ModelLineage;
import org.finrec.api.model.ModelStore;
import org.finrec.api.model.Reconfiguration;
import org.finrec.api.model.ServedModel;
import org.finrec.api.recommend.RecommendationRequest;
import org.finrec.api.spi.Recommender;
import org.finrec.api.spi.RequestScorer;
import org.finrec.inference.DynamicBatcher;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A sequential recommender: one per factory configuration of {@value #PID}. It trains a {@link SequenceEncoder}
 * on the referenced {@link Dataset} at activation (on the thread that first obtains the service, never on
 * Configuration Admin's), on the inference runtime's device, or loads {@code model.version} from
 * {@code model.store}; the model goes through the shared {@link ServedModel} lifecycle (content-hashed versions,
 * lineage, rollback by configuration).
 *
 * <p><b>Serving.</b> A request is scored from the customer's history in the dataset followed by the request's own
 * recent events (see {@link SequenceScorer}), so a session changes the ranking at once and a customer the model
 * never saw is served from session events alone; events of products the model does not know are skipped and
 * counted; a customer with neither history nor session gets no opinion, and the facade's fallback serves.
 * Concurrent requests share forward passes through a {@link DynamicBatcher}.
 *
 * <p><b>Changes.</b> A change is checked where it arrives; a refused one is logged with its PID and property and
 * the previous model keeps serving. An accepted one is applied off the delivery thread; a newer change, or
 * deactivation, cancels a training in progress. A stored model whose vocabulary does not cover at least half of the
 * dataset's products is refused, before it serves, with a named error while the previous model keeps serving.
 */
@Component(service = Recommender.class, configurationPid = SequentialRecommender.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE,
        property = Recommender.FAMILY + "=" + Recommender.FAMILY_SEQUENTIAL)
@Designate(ocd = SequentialConfiguration.class, factory = true)
public final class SequentialRecommender implements Recommender {

    /** The factory PID. */
    static final String PID = "org.finrec.recommender.sequential";

    private static final Logger LOG = LoggerFactory.getLogger(SequentialRecommender.class);

    private final Dataset dataset;
    private final Supplier<CustomerHistories> histories;
    private final Device device;
    private final ServedModel<SequentialModel, Recipe> served = new ServedModel<>();
    private final Reconfiguration reconfiguration;
    private final AtomicLong generation = new AtomicLong();
    private final AtomicLong unknownEvents = new AtomicLong();
    private final DynamicBatcher<SequenceScorer.Query, float[]> batcher;
    private volatile String name;

    /**
     * Activates: checks the configuration, then trains or loads the model.
     *
     * @throws org.finrec.api.config.InvalidConfigurationException when the configuration is refused
     * @throws IllegalStateException when no model can be had (the message names the PID and the reason)
     */
    @Activate
    public SequentialRecommender(SequentialConfiguration configuration, Map<String, Object> properties,
            @Reference InferenceRuntime runtime,
            @Reference(name = "dataset", cardinality = ReferenceCardinality.OPTIONAL) Dataset dataset) {
        this.dataset = dataset;
        this.histories = dataset == null ? null : CustomerHistories.builtOnFirstUse(dataset);
        this.device = Device.fromName(runtime.device());
        this.name = configuration.finrec_recommender_name();
        this.reconfiguration = new Reconfiguration(name);
        Setup setup = Setup.read(configuration, properties);
        try {
            ServedModel.Outcome<SequentialModel> outcome = configure(setup, generation.get());
            LOG.info("Recommender {} ({}) {} on {}", name, setup.pid(), outcome.summary(), device);
        } catch (ModelFileException e) {
            throw new IllegalStateException("Recommender " + name + " (" + setup.pid() + ") cannot load model "
                    + setup.modelVersion() + ": " + e.getMessage(), e);
        }
        this.batcher = new DynamicBatcher<>("sequential-" + name, 64, Duration.ZERO, 4096,
                SequenceScorer::scoreBatch);
    }

    /**
     * A configuration change: checked here, applied off this thread. An accepted change supersedes, and so cancels,
     * a training in progress; a refused one changes nothing.
     */
    @Modified
    void modified(SequentialConfiguration configuration, Map<String, Object> properties) {
        String serving = modelVersion();
        ConfigurationReader.readChange(() -> Setup.read(configuration, properties),
                refused -> LOG.error("Recommender {} keeps serving model {}: {}", name, serving, refused.getMessage()))
                .ifPresent(setup -> {
                    long mine = generation.incrementAndGet();
                    reconfiguration.submit(() -> {
                        ServedModel.Outcome<SequentialModel> outcome = configure(setup, mine);
                        name = setup.name();
                        LOG.info("Recommender {} ({}) {}", name, setup.pid(), outcome.summary());
                    }, failed -> {
                        if (failed instanceof CancellationException) {
                            LOG.info("Recommender {}: {} (a newer configuration supersedes it)", name,
                                    failed.getMessage());
                        } else {
                            LOG.error("Recommender {} cannot apply its new configuration: {}; still serving model"
                                    + " {}", name, failed.getMessage(), modelVersion(), failed);
                        }
                    });
                });
    }

    @Deactivate
    void deactivate() {
        reconfiguration.close(); // interrupts a training in progress
        batcher.close();
    }

    /** The checked configuration. */
    record Setup(String pid, String name, Recipe recipe, String modelStore, String modelVersion) {
        static Setup read(SequentialConfiguration configuration, Map<String, ?> properties) {
            String pid = ConfigurationReader.of(PID, properties).pid();
            String store = configuration.model_store();
            String pretrainedName = configuration.pretrained_recommender().trim();
            String pretrainedVersion = configuration.pretrained_version().trim();
            if (pretrainedName.isEmpty() != pretrainedVersion.isEmpty()) {
                String missing = pretrainedName.isEmpty() ? "pretrained.recommender" : "pretrained.version";
                throw new InvalidConfigurationException(pid, missing, "", "is needed with "
                        + (pretrainedName.isEmpty() ? "pretrained.version" : "pretrained.recommender"));
            }
            if (!pretrainedName.isEmpty() && store.isBlank()) {
                throw new InvalidConfigurationException(pid, "model.store", store, "is needed to find the pre-trained"
                        + " model " + pretrainedName + "/" + pretrainedVersion);
            }
            return new Setup(pid, configuration.finrec_recommender_name(), new Recipe(
                    SequentialSettings.read(PID, configuration, properties), pretrainedName, pretrainedVersion),
                    store, configuration.model_version().trim());
        }

        SequentialSettings settings() {
            return recipe.settings();
        }
    }

    /**
     * What shapes a model trained here: the hyper-parameters and, for transfer learning, the stored model it starts
     * from (empty names for a random start).
     */
    record Recipe(SequentialSettings settings, String pretrainedRecommender, String pretrainedVersion) {

        boolean pretrained() {
            return !pretrainedRecommender.isEmpty();
        }

        /** The settings for the model's lineage, with the model it started from. */
        Map<String, String> lineage() {
            Map<String, String> parameters = new TreeMap<>(settings.lineage());
            if (pretrained()) {
                parameters.put("pretrained", pretrainedRecommender + "/" + pretrainedVersion);
            }
            return parameters;
        }
    }

    private ServedModel.Outcome<SequentialModel> configure(Setup setup, long startedAt) throws ModelFileException {
        ServedModel.Outcome<SequentialModel> outcome = served.configure(setup.name(), setup.modelStore(),
                setup.modelVersion(), SequentialCodec.CODEC, setup.recipe(), () -> train(setup, startedAt),
                model -> ModelLineage.of(SequentialTrainer.class.getName(), setup.recipe().lineage(), dataset),
                this::requireCatalogue);
        if (outcome.saveFailure() != null) {
            LOG.error("Recommender {} serves model {} but could not save it: {}", setup.name(),
                    outcome.model().version(), outcome.saveFailure().getMessage(), outcome.saveFailure());
        }
        return outcome;
    }

    /** Refuses, before it serves, a model that knows less than half of the dataset's products. */
    private void requireCatalogue(SequentialModel model) {
        if (dataset == null || dataset.productCount() == 0) {
            return;
        }
        EventVocabulary vocabulary = model.vocabulary();
        int known = 0;
        for (int p = 0; p < dataset.productCount(); p++) {
            if (vocabulary.token(dataset.product(p).id()) > 0) {
                known++;
            }
        }
        if (2 * known < dataset.productCount()) {
            throw new IllegalStateException("model " + model.version() + " knows " + known + " of the "
                    + dataset.productCount() + " products of dataset " + dataset.name() + " (its vocabulary has "
                    + vocabulary.size() + "): it was trained on another catalogue");
        }
    }

    private SequentialModel train(Setup setup, long startedAt) {
        if (dataset == null) {
            throw new IllegalStateException("model.version is empty, so the model must be trained, but no Dataset"
                    + " service is bound");
        }
        String job = "recommender " + setup.name() + " (" + setup.pid() + ")";
        SequentialTrainer trainer = new SequentialTrainer(setup.settings(), device, job, LOG::info,
                () -> generation.get() != startedAt);
        Recipe recipe = setup.recipe();
        if (recipe.pretrained()) {
            try {
                trainer = trainer.startingFrom(ModelStore.at(Path.of(setup.modelStore())).load(
                        recipe.pretrainedRecommender(), recipe.pretrainedVersion(), SequentialCodec.CODEC));
            } catch (ModelFileException e) {
                throw new IllegalStateException("pretrained.recommender " + recipe.pretrainedRecommender()
                        + ", pretrained.version " + recipe.pretrainedVersion() + ": " + e.getMessage(), e);
            }
        }
        SequentialModel model = trainer.train(dataset, ProgressListener.NONE); // epochs are logged
        TrainingReport report = model.report();
        LOG.info("{} trained {} epochs in {} s, kept epoch {} (validation HR@10 {}, NDCG@10 {})", job,
                report.epochs(), String.format("%.1f", report.seconds()), report.bestEpoch(),
                String.format("%.4f", report.validationHitRate()), String.format("%.4f", report.validationNdcg()));
        return model;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String family() {
        return FAMILY_SEQUENTIAL;
    }

    @Override
    public String modelVersion() {
        return served.model().version();
    }

    /** Events of requests and histories that named a product the serving model does not know, so far. */
    long unknownEvents() {
        return unknownEvents.get();
    }

    @Override
    public RequestScorer scorer(RecommendationRequest request, ProductCatalog catalog) {
        SequentialModel model = served.model(); // one read: the scorer uses this model whatever swaps later
        return SequenceScorer.of(model, model.network(device), histories == null ? null : histories.get(), dataset,
                request, catalog, batcher, unknownEvents);
    }
}
