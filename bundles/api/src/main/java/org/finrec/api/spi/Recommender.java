package org.finrec.api.spi;

import org.finrec.api.ProductCatalog;
import org.finrec.api.recommend.RecommendationRequest;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A recommender: for each request, a {@link RequestScorer} that scores candidate products for the request's
 * customer and explains those scores. Every recommender family (popularity, collaborative filtering,
 * content-based, sequential, graph, ensemble) registers its models as OSGi services of this interface, with the
 * service properties {@link #NAME} and {@link #FAMILY}.
 *
 * <p>The split follows Lucene's Query, Weight and Scorer: the {@link RecommendationRequest} is the immutable
 * question; {@link #scorer} binds it to the one model snapshot that serves now and does the per-customer work
 * once (the customer's neighbours, factors or profile), like {@code Query.createWeight}; the {@link RequestScorer}
 * then scores candidates and explains any of those scores from that same work. A model swap while a request runs
 * never mixes two models in one response, and explaining the top {@code k} never scores the customer again.
 *
 * <p>Authors write only the scoring. The facade has already removed held, excluded and unsuitable products from
 * the candidates, and it selects the top {@code k}, applies suitability demotions and attaches reasons, so a
 * recommender never needs to repeat those steps.
 *
 * <p>Implementations must be thread-safe and keep no per-request state outside the scorers they return: many
 * requests call one instance concurrently. They should answer quickly (the facade enforces a time budget and falls
 * back when it runs out) and must respond to thread interruption by giving up.
 */
@ConsumerType
public interface Recommender {

    /** Service property: the recommender's unique name (String), by which configurations and experiments pick it. */
    String NAME = "finrec.recommender.name";
    /** Service property: the recommender's family (String), one of the {@code FAMILY_*} values or a bank's own. */
    String FAMILY = "finrec.recommender.family";

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
     * Returns the version of the model that serves now, for operators and logs. A response must take its version
     * from its {@link RequestScorer#modelVersion() scorer} instead: the model may be swapped between the two calls.
     *
     * @return a non-blank version
     */
    String modelVersion();

    /**
     * Binds one request to the model that serves now. The scorer scores and explains with that model only, even
     * when the recommender swaps its model meanwhile, and is used by one thread for one request.
     *
     * @param request the request (customer, context, recent events), not null
     * @param catalog the catalogue the candidates are indices of, not null; an immutable snapshot, so that a
     *     recommender may cache what it derives from it (see {@link CatalogueIndexMap}) for as long as it is the
     *     same object
     * @return a scorer bound to one model snapshot, never null
     */
    RequestScorer scorer(RecommendationRequest request, ProductCatalog catalog);
}
