package org.finrec.core.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.finrec.api.ProductCatalog;
import org.finrec.api.recommend.Reason;
import org.finrec.api.recommend.ReasonCodes;
import org.finrec.api.recommend.Recommendation;
import org.finrec.api.recommend.RecommendationRequest;
import org.finrec.api.recommend.RecommendationResponse;
import org.finrec.api.recommend.RecommendationService;
import org.finrec.api.recommend.RecommendationUnavailableException;
import org.finrec.api.spi.Recommender;
import org.finrec.api.spi.SuitabilityPolicy;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link RecommendationService}: builds the suitable candidate set, lets the configured recommender rank it
 * within the time budget, fills what it cannot rank from the fallback recommender, and returns the top k with
 * reasons and the audit trail of exclusions.
 *
 * <p>Recommenders, policies and the catalogue are dynamic references (field injection; Declarative Services
 * injects only static references through constructors), so that bundles come and go under a running facade
 * without deactivating it. The configuration is constructor-injected and updated in place by {@link #modified}.
 */
@Component(service = RecommendationService.class, configurationPid = RecommendationFacade.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = FacadeConfiguration.class)
public final class RecommendationFacade implements RecommendationService {

    static final String PID = "org.finrec.core.facade";

    private static final Logger LOG = LoggerFactory.getLogger(RecommendationFacade.class);

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile ProductCatalog catalog;

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            cardinality = ReferenceCardinality.MULTIPLE)
    private volatile List<Recommender> recommenders = List.of();

    /** Policies with their service properties, so that required ones can be found by name. */
    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            cardinality = ReferenceCardinality.AT_LEAST_ONE)
    private volatile List<Map.Entry<Map<String, Object>, SuitabilityPolicy>> policies = List.of();

    private final ThreadPoolExecutor workers;
    private volatile FacadeConfiguration configuration;

    @Activate
    public RecommendationFacade(FacadeConfiguration configuration) {
        this.configuration = configuration;
        AtomicInteger threadNumber = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(0, configuration.worker_threads(), 30, TimeUnit.SECONDS,
                new SynchronousQueue<>(), task -> {
                    Thread thread = new Thread(task, "finrec-recommender-" + threadNumber.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** Constructor for unit tests, which set the references that Declarative Services would inject. */
    RecommendationFacade(FacadeConfiguration configuration, ProductCatalog catalog, List<Recommender> recommenders,
            Map<String, SuitabilityPolicy> policiesByName) {
        this(configuration);
        this.catalog = catalog;
        this.recommenders = List.copyOf(recommenders);
        this.policies = policiesByName.entrySet().stream()
                .map(policy -> Map.entry(Map.<String, Object>of(SuitabilityPolicy.NAME, policy.getKey()),
                        policy.getValue()))
                .toList();
    }

    @Modified
    void modified(FacadeConfiguration changed) {
        workers.setMaximumPoolSize(changed.worker_threads());
        this.configuration = changed;
        LOG.info("Facade reconfigured: recommender={}, fallback={}, time budget={} ms", changed.recommender(),
                changed.fallback_recommender(), changed.time_budget_ms());
    }

    @Deactivate
    void deactivate() {
        workers.shutdownNow();
    }

    @Override
    public RecommendationResponse recommend(RecommendationRequest request) {
        FacadeConfiguration settings = configuration;
        CandidateSet candidates = CandidateSet.of(request, catalog, activePolicies(settings, request));
        String chosenName = settings.recommender();
        if (candidates.isEmpty()) {
            return response(request, List.of(), candidates, chosenName, Optional.empty());
        }
        int k = Math.min(Math.min(request.k(), settings.max_k()), candidates.size());

        List<RankedProduct> ranked = List.of();
        Optional<Reason> fallbackReason;
        RuntimeException lastFailure = null;
        Recommender chosen = find(chosenName);
        if (chosen == null) {
            fallbackReason = Optional.of(fallbackReason("Recommender " + chosenName + " is not available."));
        } else {
            try {
                ranked = rankWithinBudget(chosen, request, candidates, k, settings.time_budget_ms(), false);
                fallbackReason = ranked.size() < k
                        ? Optional.of(fallbackReason("Recommender " + chosenName + " ranked only " + ranked.size()
                                + " of " + k + " products."))
                        : Optional.empty();
            } catch (RecommenderFailure failure) {
                lastFailure = failure;
                fallbackReason = Optional.of(fallbackReason(failure.getMessage()));
                LOG.warn("Request {}: {}", request.requestId(), failure.getMessage());
            }
        }

        String servedBy = ranked.isEmpty() ? settings.fallback_recommender() : chosenName;
        if (fallbackReason.isPresent() && !chosenName.equals(settings.fallback_recommender())) {
            ranked = fillFromFallback(settings, request, candidates, k, ranked, fallbackReason.get());
        }
        // Suitable candidates exist, so an empty ranking means nobody could serve (absent, failed or no opinion).
        if (ranked.isEmpty()) {
            throw new RecommendationUnavailableException("Request " + request.requestId() + ": neither recommender "
                    + chosenName + " nor fallback " + settings.fallback_recommender() + " could serve ("
                    + fallbackReason.map(Reason::message).orElse("") + ")", lastFailure);
        }
        return response(request, ranked, candidates, servedBy, fallbackReason);
    }

    private List<RankedProduct> fillFromFallback(FacadeConfiguration settings, RecommendationRequest request,
            CandidateSet candidates, int k, List<RankedProduct> ranked, Reason fallbackReason) {
        Recommender fallback = find(settings.fallback_recommender());
        if (fallback == null) {
            LOG.warn("Request {}: fallback recommender {} is not available either", request.requestId(),
                    settings.fallback_recommender());
            return ranked;
        }
        Set<String> taken = new HashSet<>();
        ranked.forEach(product -> taken.add(product.product().id()));
        CandidateSet rest = candidates.without(taken);
        if (rest.isEmpty()) {
            return ranked;
        }
        List<RankedProduct> filled = new ArrayList<>(ranked);
        try {
            for (RankedProduct product : rankWithinBudget(fallback, request, rest, k - ranked.size(),
                    settings.time_budget_ms(), true)) {
                List<Reason> reasons = new ArrayList<>(product.reasons());
                reasons.add(fallbackReason);
                filled.add(new RankedProduct(product.product(), product.score(), reasons, product.recommender(),
                        product.modelVersion()));
            }
        } catch (RecommenderFailure failure) {
            LOG.warn("Request {}: fallback failed too: {}", request.requestId(), failure.getMessage());
        }
        return filled;
    }

    /**
     * Runs a ranking in a worker thread and gives up when the budget ends. When every worker is busy (typically
     * held by a hung recommender) the chosen recommender is not run at all, since it may be the one hanging; the
     * fallback then runs in the caller's thread ({@code inlineWhenSaturated}), without a budget.
     */
    private List<RankedProduct> rankWithinBudget(Recommender recommender, RecommendationRequest request,
            CandidateSet candidates, int k, long budgetMillis, boolean inlineWhenSaturated) {
        Future<List<RankedProduct>> future;
        try {
            future = workers.submit(() -> Ranking.rank(recommender, request, candidates, k));
        } catch (RejectedExecutionException saturated) {
            if (!inlineWhenSaturated) {
                throw new RecommenderFailure("All " + workers.getMaximumPoolSize() + " recommender workers are "
                        + "busy; " + recommender.name() + " was not asked.", saturated);
            }
            try {
                return Ranking.rank(recommender, request, candidates, k);
            } catch (RuntimeException failure) {
                throw new RecommenderFailure("Recommender " + recommender.name() + " failed: " + failure, failure);
            }
        }
        try {
            return future.get(budgetMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException timeout) {
            future.cancel(true);
            throw new RecommenderFailure("Recommender " + recommender.name() + " exceeded its time budget of "
                    + budgetMillis + " ms.", timeout);
        } catch (ExecutionException failed) {
            throw new RecommenderFailure("Recommender " + recommender.name() + " failed: " + failed.getCause(),
                    failed.getCause());
        } catch (InterruptedException interrupted) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new RecommenderFailure("Interrupted while waiting for recommender " + recommender.name() + ".",
                    interrupted);
        }
    }

    /**
     * The registered policies, after checking that every required one is among them: the facade fails closed
     * rather than serve products no suitability policy has checked.
     */
    private List<SuitabilityPolicy> activePolicies(FacadeConfiguration settings, RecommendationRequest request) {
        List<Map.Entry<Map<String, Object>, SuitabilityPolicy>> current = policies;
        for (String required : settings.required_policies()) {
            if (current.stream().noneMatch(policy -> required.equals(policy.getKey().get(SuitabilityPolicy.NAME)))) {
                throw new RecommendationUnavailableException("Request " + request.requestId()
                        + ": required suitability policy " + required + " is not registered", null);
            }
        }
        return current.stream().map(Map.Entry::getValue).toList();
    }

    /** The recommender with the given name and the highest service ranking, or null. */
    private Recommender find(String name) {
        List<Recommender> current = recommenders;
        for (int i = current.size() - 1; i >= 0; i--) {
            Recommender recommender = current.get(i);
            if (name.equals(recommender.name())) {
                return recommender;
            }
        }
        return null;
    }

    private static Reason fallbackReason(String message) {
        return Reason.of(ReasonCodes.FALLBACK, message);
    }

    private static RecommendationResponse response(RecommendationRequest request, List<RankedProduct> ranked,
            CandidateSet candidates, String servedBy, Optional<Reason> fallbackReason) {
        List<Recommendation> recommendations = new ArrayList<>(ranked.size());
        for (RankedProduct product : ranked) {
            recommendations.add(new Recommendation(product.product(), recommendations.size() + 1, product.score(),
                    product.reasons(), product.recommender(), product.modelVersion(),
                    Recommendation.DEFAULT_VARIANT));
        }
        return new RecommendationResponse(request.requestId(), request.customer().id(), recommendations,
                candidates.exclusions(), servedBy, Recommendation.DEFAULT_VARIANT, fallbackReason);
    }

    /** A recommender failed, timed out or was interrupted; the message says which and how. */
    private static final class RecommenderFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RecommenderFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
