package org.finrec.core.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.finrec.api.Customer;
import org.finrec.api.Product;
import org.finrec.api.ProductCatalog;
import org.finrec.api.recommend.Exclusion;
import org.finrec.api.recommend.Reason;
import org.finrec.api.recommend.ReasonCodes;
import org.finrec.api.recommend.RecommendationRequest;
import org.finrec.api.spi.SuitabilityDecision;
import org.finrec.api.spi.SuitabilityPolicy;

/**
 * The products a request may return: the request's candidates (or the whole catalogue) less held, excluded and
 * unknown products and less what a suitability policy blocks; with each survivor's demotion factor and
 * suitability reasons, and every removal recorded as an {@link Exclusion}. Immutable once built.
 */
final class CandidateSet {

    private final List<Product> products;
    private final double[] scoreFactors;
    private final List<List<Reason>> suitabilityReasons;
    private final List<Exclusion> exclusions;

    private CandidateSet(List<Product> products, double[] scoreFactors, List<List<Reason>> suitabilityReasons,
            List<Exclusion> exclusions) {
        this.products = Collections.unmodifiableList(products);
        this.scoreFactors = scoreFactors;
        this.suitabilityReasons = Collections.unmodifiableList(suitabilityReasons);
        this.exclusions = Collections.unmodifiableList(exclusions);
    }

    static CandidateSet of(RecommendationRequest request, ProductCatalog catalog, List<SuitabilityPolicy> policies) {
        Customer customer = request.customer();
        List<Exclusion> exclusions = new ArrayList<>();
        List<Product> requested;
        if (request.candidateProductIds().isEmpty()) {
            requested = catalog.products();
        } else {
            requested = new ArrayList<>(request.candidateProductIds().size());
            for (String productId : request.candidateProductIds()) {
                Optional<Product> product = catalog.product(productId);
                if (product.isPresent()) {
                    requested.add(product.get());
                } else {
                    exclusions.add(new Exclusion(productId, List.of(Reason.of(ReasonCodes.UNKNOWN_PRODUCT,
                            "Product " + productId + " is not in the catalogue."))));
                }
            }
        }

        List<Product> products = new ArrayList<>(requested.size());
        double[] factors = new double[requested.size()];
        List<List<Reason>> suitabilityReasons = new ArrayList<>(requested.size());
        for (Product product : requested) {
            if (customer.holds(product.id())) {
                exclusions.add(new Exclusion(product.id(), List.of(Reason.of(ReasonCodes.ALREADY_HELD,
                        "The customer already holds " + product.name() + "."))));
                continue;
            }
            if (request.excludedProductIds().contains(product.id())) {
                exclusions.add(new Exclusion(product.id(), List.of(Reason.of(ReasonCodes.EXCLUDED_BY_REQUEST,
                        "The request excluded " + product.name() + "."))));
                continue;
            }
            double factor = 1.0;
            List<Reason> blocking = new ArrayList<>(0);
            List<Reason> reasons = new ArrayList<>(policies.size());
            for (SuitabilityPolicy policy : policies) {
                SuitabilityDecision decision = policy.assess(customer, product, request.context());
                switch (decision.verdict()) {
                    case BLOCK:
                        blocking.addAll(decision.reasons());
                        break;
                    case DEMOTE:
                        factor *= decision.scoreFactor();
                        reasons.addAll(decision.reasons());
                        break;
                    default:
                        reasons.addAll(decision.reasons());
                }
            }
            if (!blocking.isEmpty()) {
                exclusions.add(new Exclusion(product.id(), blocking));
                continue;
            }
            factors[products.size()] = factor;
            products.add(product);
            suitabilityReasons.add(List.copyOf(reasons));
        }
        return new CandidateSet(products, Arrays.copyOf(factors, products.size()), suitabilityReasons,
                exclusions);
    }

    /** The suitable candidates, in catalogue (or request) order. */
    List<Product> products() {
        return products;
    }

    boolean isEmpty() {
        return products.isEmpty();
    }

    int size() {
        return products.size();
    }

    /** What suitability multiplies candidate {@code i}'s score by: 1, or less for a demotion. */
    double scoreFactor(int i) {
        return scoreFactors[i];
    }

    /** Why candidate {@code i} is suitable or was demoted. */
    List<Reason> suitabilityReasons(int i) {
        return suitabilityReasons.get(i);
    }

    List<Exclusion> exclusions() {
        return exclusions;
    }

    /**
     * Returns the candidates not in {@code taken}, keeping factors and reasons, for a fallback that fills the
     * ranks a first recommender left empty.
     */
    CandidateSet without(Set<String> taken) {
        List<Product> rest = new ArrayList<>(products.size());
        double[] factors = new double[products.size()];
        List<List<Reason>> reasons = new ArrayList<>(products.size());
        for (int i = 0; i < products.size(); i++) {
            if (!taken.contains(products.get(i).id())) {
                factors[rest.size()] = scoreFactors[i];
                rest.add(products.get(i));
                reasons.add(suitabilityReasons.get(i));
            }
        }
        return new CandidateSet(rest, Arrays.copyOf(factors, rest.size()), reasons, exclusions);
    }
}
