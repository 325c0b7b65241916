package org.finrec.recommender.cf.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.finrec.api.Interaction;
import org.finrec.api.Product;
import org.finrec.api.data.Dataset;
import org.finrec.api.recommend.Explanation;
import org.finrec.api.recommend.RecommendationRequest;
import org.finrec.api.spi.Recommender;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A collaborative-filtering recommender: one instance per factory configuration, trained at activation on the
 * referenced {@link Dataset}. A customer is described by what they have: their training row when they were in
 * the training data, plus the holdings the request carries and the positive events of the request's session, so
 * that customers unknown to the model (new ones, or the bank's live customers after training) are served too.
 */
@Component(service = Recommender.class, configurationPid = CfRecommender.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE,
        property = Recommender.FAMILY + "=" + Recommender.FAMILY_COLLABORATIVE)
@Designate(ocd = CfConfiguration.class, factory = true)
public final class CfRecommender implements Recommender {

    static final String PID = "org.finrec.recommender.cf";

    private static final Logger LOG = LoggerFactory.getLogger(CfRecommender.class);

    private final String name;
    private final CfModel model;
    private final Set<org.finrec.api.InteractionKind> positiveKinds;

    @Activate
    public CfRecommender(CfConfiguration configuration, @Reference(name = "dataset") Dataset dataset) {
        this(configuration.finrec_recommender_name(), train(settings(configuration), dataset));
        LOG.info("Recommender {} ({}) trained on {}: model {}", name, configuration.algorithm(), dataset,
                model.version());
    }

    CfRecommender(String name, CfModel model, Set<org.finrec.api.InteractionKind> positiveKinds) {
        this.name = name;
        this.model = model;
        this.positiveKinds = Set.copyOf(positiveKinds);
    }

    private CfRecommender(String name, TrainedModel trained) {
        this(name, trained.model(), trained.settings().positiveKinds());
    }

    private record TrainedModel(CfSettings settings, CfModel model) {
    }

    private static TrainedModel train(CfSettings settings, Dataset dataset) {
        return new TrainedModel(settings, settings.algorithm().trainer(settings).train(dataset,
                (step, done, total) -> LOG.debug("{}: {} {}/{}", settings.algorithm(), step, done, total)));
    }

    static CfSettings settings(CfConfiguration configuration) {
        int threads = configuration.threads() > 0 ? configuration.threads()
                : Runtime.getRuntime().availableProcessors();
        return new CfSettings(configuration.algorithm(), configuration.similarity(), configuration.neighbours(),
                configuration.factors(), configuration.iterations(), configuration.regularization() >= 0
                        ? configuration.regularization() : CfSettings.defaultRegularization(configuration.algorithm()),
                configuration.alpha(), configuration.learning_rate(), configuration.epochs(), configuration.seed(),
                threads, Set.of(configuration.positive_kinds()));
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
        return model.version();
    }

    @Override
    public double[] score(RecommendationRequest request, List<Product> candidates) {
        FeedbackMatrix matrix = model.matrix();
        int user = matrix.userIndex(request.customer().id());
        float[] all = new float[matrix.items()];
        model.score(user, positiveItems(request, user), all);
        double[] scores = new double[candidates.size()];
        for (int c = 0; c < scores.length; c++) {
            int item = matrix.itemIndex(candidates.get(c).id());
            scores[c] = item < 0 ? Double.NaN : all[item];
        }
        return scores;
    }

    @Override
    public Explanation explain(RecommendationRequest request, Product product) {
        FeedbackMatrix matrix = model.matrix();
        int item = matrix.itemIndex(product.id());
        if (item < 0) {
            throw new IllegalArgumentException("model " + model.version() + " has never seen product " + product.id());
        }
        int user = matrix.userIndex(request.customer().id());
        int[] positive = positiveItems(request, user);
        float[] all = new float[matrix.items()];
        model.score(user, positive, all);
        return new Explanation(product.id(), all[item], model.explain(user, positive, item, all[item]));
    }

    /** The customer's training row, current holdings and positive session events, as sorted product indices. */
    private int[] positiveItems(RecommendationRequest request, int user) {
        FeedbackMatrix matrix = model.matrix();
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
            if (item >= 0 && positiveKinds.contains(event.kind())) {
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
