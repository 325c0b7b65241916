package org.finrec.core.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
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
 * unknown products and less what a suitability policy blocks; with each survivor's catalogue index and the
 * suitability decisions that apply to it (demotions and allowances with reasons), and every removal recorded as an
 * {@link Exclusion}. Immutable once built; bound to the catalogue snapshot it was built from, whose indices it holds.
 */
final class CandidateSet {

    private final ProductCatalog catalog;
    private final List<Product> products;
    private final int[] catalogueIndices;
    private final List<List<SuitabilityDecision>> decisions;
    private final List<Exclusion> exclusions;

    private CandidateSet(ProductCatalog catalog, List<Product> products, int[] catalogueIndices,
            List<List<SuitabilityDecision>> decisions, List<Exclusion> exclusions) {
        this.catalog = catalog;
        this.products = Collections.unmodifiableList(products);
        this.catalogueIndices = catalogueIndices;
        this.decisions = Collections.unmodifiableList(decisions);
        this.exclusions = Collections.unmodifiableList(exclusions);
    }

    static CandidateSet of(RecommendationRequest request, ProductCatalog catalog, List<SuitabilityPolicy> policies) {
        Customer customer = request.customer();
        List<Exclusion> exclusions = new ArrayList<>();
        int[] requested;
        if (request.candidateProductIds().isEmpty()) {
            requested = new int[catalog.products().size()];
            Arrays.setAll(requested, i -> i);
        } else {
            requested = new int[request.candidateProductIds().size()];
            int count = 0;
            for (String productId : request.candidateProductIds()) {
                int index = catalog.indexOf(productId);
                if (index >= 0) {
                    requested[count++] = index;
                } else {
                    exclusions.add(new Exclusion(productId, List.of(Reason.of(ReasonCodes.UNKNOWN_PRODUCT,
                            "Product " + productId + " is not in the catalogue."))));
                }
            }
            requested = Arrays.copyOf(requested, count);
        }

        List<Product> products = new ArrayList<>(requested.length);
        int[] indices = new int[requested.length];
        List<List<SuitabilityDecision>> decisions = new ArrayList<>(requested.length);
        for (int index : requested) {
            Product product = catalog.products().get(index);
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
            List<Reason> blocking = new ArrayList<>(0);
            List<SuitabilityDecision> applying = new ArrayList<>(policies.size());
            for (SuitabilityPolicy policy : policies) {
                SuitabilityDecision decision = policy.assess(customer, product, request.context());
                if (decision.verdict() == SuitabilityDecision.Verdict.BLOCK) {
                    blocking.addAll(decision.reasons());
                } else if (decision.verdict() == SuitabilityDecision.Verdict.DEMOTE || !decision.reasons().isEmpty()) {
                    applying.add(decision);
                }
            }
            if (!blocking.isEmpty()) {
                exclusions.add(new Exclusion(product.id(), blocking));
                continue;
            }
            indices[products.size()] = index;
            products.add(product);
            decisions.add(List.copyOf(applying));
        }
        return new CandidateSet(catalog, products, Arrays.copyOf(indices, products.size()), decisions, exclusions);
    }

    /** The catalogue snapshot the candidates' indices refer to. */
    ProductCatalog catalog() {
        return catalog;
    }

    /** The suitable candidates, in catalogue (or request) order. */
    List<Product> products() {
        return products;
    }

    /** The candidates' catalogue indices, in the order of {@link #products()}; shared, must not be modified. */
    int[] catalogueIndices() {
        return catalogueIndices;
    }

    boolean isEmpty() {
        return products.isEmpty();
    }

    int size() {
        return products.size();
    }

    /** The suitability decisions that apply to candidate {@code i}, in policy order: demotions, and allowances. */
    List<SuitabilityDecision> decisions(int i) {
        return decisions.get(i);
    }

    List<Exclusion> exclusions() {
        return exclusions;
    }

    /**
     * Returns the candidates not in {@code taken}, keeping their decisions, for a fallback that fills the ranks a
     * first recommender left empty.
     */
    CandidateSet without(Set<String> taken) {
        List<Product> rest = new ArrayList<>(products.size());
        int[] indices = new int[products.size()];
        List<List<SuitabilityDecision>> kept = new ArrayList<>(products.size());
        for (int i = 0; i < products.size(); i++) {
            if (!taken.contains(products.get(i).id())) {
                indices[rest.size()] = catalogueIndices[i];
                rest.add(products.get(i));
                kept.add(decisions.get(i));
            }
        }
        return new CandidateSet(catalog, rest, Arrays.copyOf(indices, rest.size()), kept, exclusions);
    }
}
