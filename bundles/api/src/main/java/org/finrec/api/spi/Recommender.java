package org.finrec.api.spi;

import java.util.List;
import org.finrec.api.Product;
import org.finrec.api.recommend.Explanation;
import org.finrec.api.recommend.RecommendationRequest;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A recommender: scores candidate products for a customer and explains each score. Every recommender family
 * (popularity, collaborative filtering, content-based, sequential, graph, ensemble) registers its models as
 * OSGi services of this interface, with the service properties {@link #NAME}, {@link #FAMILY} and
 * {@link #MODEL_VERSION}.
 *
 * <p>Authors write only the scoring. The facade has already removed held, excluded and unsuitable products from
 * the candidates, and it selects the top {@code k}, applies suitability demotions and attaches reasons, so a
 * recommender never needs to repeat those steps.
 *
 * <p>Implementations must be thread-safe and keep no per-request state: many requests call one instance
 * concurrently. They should answer quickly (the facade enforces a time budget and falls back when it runs out)
 * and must respond to thread interruption by giving up.
 */
@ConsumerType
public interface Recommender {

    /** Service property: the recommender's unique name (String), by which configurations and experiments pick it. */
    String NAME = "finrec.recommender.name";
    /** Service property: the recommender's family (String), one of the {@code FAMILY_*} values or a bank's own. */
    String FAMILY = "finrec.recommender.family";
    /**
     * Service property: the version of the model behind the service (String), when it is known at registration
     * (for example a model artifact named by configuration); {@link #modelVersion()} always tells it.
     */
    String MODEL_VERSION = "finrec.recommender.model.version";

    /** Family of recommenders that rank by how many (similar) customers hold a product. */
    String FAMILY_POPULARITY = "popularity";
    /** Family of collaborative-filtering recommenders (neighbourhood models, matrix factorisation). */
    String FAMILY_COLLABORATIVE = "collaborative-filtering";
    /** Family of content-based recommenders (profile and product attributes, product text). */
    String FAMILY_CONTENT = "content-based";
    /** Family of sequential recommenders (Transformers over event sequences). */
    String FAMILY_SEQUENTIAL = "sequential";
    /** Family of graph recommenders (graph neural networks over the customer-product graph). */
    String FAMILY_GRAPH = "graph";
    /** Family of ensembles that blend or stack other recommenders. */
    String FAMILY_ENSEMBLE = "ensemble";

    /**
     * Returns the recommender's unique name, equal to its {@link #NAME} service property.
     *
     * @return a non-blank name
     */
    String name();

    /**
     * Returns the recommender's family, equal to its {@link #FAMILY} service property.
     *
     * @return a non-blank family
     */
    String family();

    /**
     * Returns the version of the model that serves now; equal to the {@link #MODEL_VERSION} service property where
     * the service has one.
     *
     * @return a non-blank version
     */
    String modelVersion();

    /**
     * Scores candidate products for the request's customer; higher is better.
     *
     * @param request the request (customer, context, recent events), not null
     * @param candidates the products to score, already free of held, excluded and unsuitable products; not null,
     *     not modified
     * @return one score per candidate, in the candidates' order; {@link Double#NaN} where the recommender has no
     *     opinion (for example a product it has never seen), which the facade fills from its fallback
     */
    double[] score(RecommendationRequest request, List<Product> candidates);

    /**
     * Explains the score of one product for the request's customer. The reasons' contributions add up to the
     * score that {@link #score} returns for the same request and product.
     *
     * @param request the request, not null
     * @param product a product that {@link #score} gave a finite score, not null
     * @return the explanation, never null
     */
    Explanation explain(RecommendationRequest request, Product product);
}
