package org.finrec.recommender.popularity.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.finrec.api.Product;
import org.finrec.api.ProductCatalog;
import org.finrec.api.data.Dataset;
import org.finrec.api.recommend.Explanation;
import org.finrec.api.recommend.Reason;
import org.finrec.api.recommend.ReasonCodes;
import org.finrec.api.recommend.RecommendationRequest;
import org.finrec.api.spi.CatalogueIndexMap;
import org.finrec.api.spi.Recommender;
import org.finrec.api.spi.RequestScorer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recommends what customers of the same segment, and customers overall, adopted most: the baseline every other
 * family must beat and the facade's default fallback. Trains on the referenced {@link Dataset} at activation;
 * one instance per factory configuration (for example one segmenting by segment, one by age band); the core
 * feature configures the instance named {@code popularity}. Immediate, so that the model is trained once per
 * activation, not again whenever the last consumer releases the service and a new one asks for it.
 */
@Component(service = Recommender.class, configurationPid = PopularityRecommender.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        property = {
            Recommender.NAME + "=popularity",
            Recommender.FAMILY + "=" + Recommender.FAMILY_POPULARITY
        })
@Designate(ocd = PopularityConfiguration.class, factory = true)
public final class PopularityRecommender implements Recommender {

    static final String PID = "org.finrec.recommender.popularity";

    private static final Logger LOG = LoggerFactory.getLogger(PopularityRecommender.class);

    /** The model that serves and its index of the serving catalogue; immutable, replaced as a whole. */
    private record Serving(PopularityModel model, CatalogueIndexMap catalogueIndex) {
        Serving(PopularityModel model) {
            this(model, new CatalogueIndexMap(model::productIndex));
        }
    }

    private final String name;
    private volatile Serving serving;

    @Activate
    public PopularityRecommender(PopularityConfiguration configuration, @Reference(name = "dataset") Dataset dataset) {
        this(configuration.finrec_recommender_name(), new PopularityTrainer(configuration.segment_attribute(),
                configuration.smoothing(), Set.of(configuration.positive_kinds())).train(dataset,
                        (step, done, total) -> LOG.debug("{}: {} {}/{}", configuration.finrec_recommender_name(), step,
                                done, total)));
        LOG.info("Popularity recommender {} trained on {}: model {}", name, dataset, modelVersion());
    }

    PopularityRecommender(String name, PopularityModel model) {
        this.name = name;
        this.serving = new Serving(model);
    }

    /** Replaces the serving model in one write; scorers already handed out keep the model they were bound to. */
    void serve(PopularityModel model) {
        serving = new Serving(model);
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
        return serving.model().version();
    }

    @Override
    public RequestScorer scorer(RecommendationRequest request, ProductCatalog catalog) {
        Serving now = serving;
        PopularityModel model = now.model();
        String segmentValue = request.customer().attribute(model.segmentAttribute()).orElse(null);
        return new Scorer(model, catalog, now.catalogueIndex().modelIndices(catalog), segmentValue);
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
