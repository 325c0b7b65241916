package org.finrec.core.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.finrec.api.ProductCatalog;
import org.finrec.api.concurrent.NamedThreads;
import org.finrec.api.experiment.Assignment;
import org.finrec.api.experiment.ExperimentService;
import org.finrec.api.recommend.Reason;
import org.finrec.api.recommend.ReasonCodes;
import org.finrec.api.recommend.Recommendation;
import org.finrec.api.recommend.RecommendationRequest;
import org.finrec.api.recommend.RecommendationResponse;
import org.finrec.api.recommend.RecommendationService;
import org.finrec.api.recommend.RecommendationUnavailableException;
import org.finrec.api.spi.Recommender;
import org.finrec.api.spi.SuitabilityPolicy;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
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
 * The {@link RecommendationService}: asks the experiment service (when one runs) which variant serves the request,
 * builds the suitable candidate set, lets the variant's (or else the configured) recommender rank it within the
 * time budget, fills what it cannot rank from the fallback recommender, returns the top k with reasons and the
 * audit trail of exclusions, and records the impression. A shadow variant is ranked afterwards, off the request
 * path, and only recorded.
 *
 * <p>Recommender services are tracked with their properties and the calls running on each
 * ({@link RecommenderRegistry}): a new version takes the traffic as soon as it is bound, and a departing one is
 * removed only after its replacement is bound and its running calls finished, which makes a side-by-side bundle
 * update free of failed calls.
 *
 * <p>Recommenders, policies, the catalogue and the experiment service are dynamic references (Declarative Services
 * injects only static references through constructors; recommenders through bind and unbind methods, so that an
 * unbind can wait for the calls running on the departing service, the others through fields), so that bundles come
 * and go under a running facade without deactivating it. The configuration is constructor-injected and updated in
 * place by {@link #modified}.
 */
@Component(service = RecommendationService.class, configurationPid = RecommendationFacade.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = FacadeConfiguration.class)
public final class RecommendationFacade implements RecommendationService {

    static final String PID = "org.finrec.core.facade";

    private static final Logger LOG = LoggerFactory.getLogger(RecommendationFacade.class);
    private static final int SHADOW_THREADS = 2;
    private static final int SHADOW_QUEUE = 1_000;

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile ProductCatalog catalog;

    /** Policies with their service properties, so that required ones can be found by name. */
    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            cardinality = ReferenceCardinality.AT_LEAST_ONE)
    private volatile List<Map.Entry<Map<String, Object>, SuitabilityPolicy>> policies = List.of();

    /** Assigns requests to experiment variants and records impressions; absent when no experiment bundle runs. */
    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            cardinality = ReferenceCardinality.OPTIONAL)
    private volatile ExperimentService experiments;

    private final RecommenderRegistry recommenders = new RecommenderRegistry();
    /** Finds recommender services registered but not bound yet; null in unit tests. */
    private final BundleContext context;
    private final ThreadPoolExecutor workers;
    /** Computes shadow variants off the request path; drops them (never blocks a request) when it falls behind. */
    private final ThreadPoolExecutor shadowWorkers;
    private volatile FacadeConfiguration configuration;

    @Activate
    public RecommendationFacade(FacadeConfiguration configuration, BundleContext context) {
        this.configuration = configuration;
        this.context = context;
        this.workers = new ThreadPoolExecutor(0, configuration.worker_threads(), 30, TimeUnit.SECONDS,
                new SynchronousQueue<>(), NamedThreads.numbered("finrec-recommender"));
        this.shadowWorkers = new ThreadPoolExecutor(SHADOW_THREADS, SHADOW_THREADS, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(SHADOW_QUEUE), NamedThreads.numbered("finrec-shadow"),
                new ThreadPoolExecutor.DiscardPolicy());
        shadowWorkers.allowCoreThreadTimeOut(true);
    }

    /** Constructor for unit tests, which set the references that Declarative Services would inject. */
    RecommendationFacade(FacadeConfiguration configuration, ProductCatalog catalog, List<Recommender> recommenders,
            Map<String, SuitabilityPolicy> policiesByName) {
        this(configuration, catalog, recommenders, policiesByName, null);
    }

    /** Constructor for unit tests of experiments; {@code experiments} may be null. */
    RecommendationFacade(FacadeConfiguration configuration, ProductCatalog catalog, List<Recommender> recommenders,
            Map<String, SuitabilityPolicy> policiesByName, ExperimentService experiments) {
        this(configuration, null);
        this.experiments = experiments;
        this.catalog = catalog;
        for (Recommender recommender : recommenders) {
            this.recommenders.add(recommender, Map.of(Recommender.NAME, recommender.name()), "test/0.0.0");
        }
        this.policies = policiesByName.entrySet().stream()
                .map(policy -> Map.entry(Map.<String, Object>of(SuitabilityPolicy.NAME, policy.getKey()),
                        policy.getValue()))
                .toList();
    }

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            cardinality = ReferenceCardinality.MULTIPLE)
    void bindRecommender(ServiceReference<Recommender> reference, Recommender recommender) {
        Map<String, Object> properties = new HashMap<>();
        for (String key : reference.getPropertyKeys()) {
            properties.put(key, reference.getProperty(key));
        }
        Bundle bundle = reference.getBundle();
        recommenders.add(recommender, properties,
                bundle == null ? "unknown" : bundle.getSymbolicName() + "/" + bundle.getVersion());
    }

    /**
     * Stops routing to a recommender and waits for the calls running on it, so that the bundle providing it is
     * stopped (and may release its model) only after it drained. Declarative Services calls this before it
     * deactivates the providing component.
     *
     * <p>When another service of the same name is already registered but not bound here yet (a new version of the
     * bundle, started side by side), the departing one keeps serving until that one is bound: Declarative Services
     * binds a new service a moment after its registration, and removing the old one first would leave a gap.
     */
    void unbindRecommender(ServiceReference<Recommender> reference, Recommender recommender) {
        long drainMillis = configuration.drain_timeout_ms();
        try {
            awaitReplacement(reference, recommender.name(), drainMillis);
            int stillRunning = recommenders.remove(recommender, drainMillis);
            if (stillRunning > 0) {
                LOG.warn("Recommender {} went away with {} calls still running after {} ms", recommender.name(),
                        stillRunning, drainMillis);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitReplacement(ServiceReference<Recommender> departing, String name, long timeoutMillis)
            throws InterruptedException {
        if (context == null) {
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (System.nanoTime() < deadline && replacementPending(departing, name)) {
            Thread.sleep(1);
        }
    }

    /** Whether a service of that name other than the departing one is registered but not bound yet. */
    private boolean replacementPending(ServiceReference<Recommender> departing, String name) {
        try {
            for (ServiceReference<Recommender> candidate : context.getServiceReferences(Recommender.class,
                    "(" + Recommender.NAME + "=" + escapeFilterValue(name) + ")")) {
                if (!candidate.equals(departing)
                        && !recommenders.contains((Long) candidate.getProperty(Constants.SERVICE_ID))) {
                    return true;
                }
            }
            return false;
        } catch (InvalidSyntaxException | IllegalStateException unusable) {
            return false; // an unusable name, or the facade's bundle is stopping: nothing to wait for
        }
    }

    private static String escapeFilterValue(String value) {
        return value.replaceAll("([\\\\*()])", "\\\\$1");
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
        shadowWorkers.shutdownNow();
    }

    @Override
    public RecommendationResponse recommend(RecommendationRequest request) {
        ExperimentService experimentService = experiments;
        Assignment assignment = assign(experimentService, request);
        RecommendationResponse response;
        try {
            response = serve(request, assignment);
        } catch (RuntimeException failure) {
            if (experimentService != null && assignment.inExperiment()) {
                experimentService.recordFailure(assignment, request.requestId(), String.valueOf(failure.getMessage()));
            }
            throw failure;
        }
        if (experimentService != null) {
            experimentService.recordImpression(assignment, response);
            if (assignment.shadowFilter().isPresent()) {
                shadowWorkers.execute(() -> computeShadow(experimentService, assignment, request, response));
            }
        }
        return response;
    }

    private static Assignment assign(ExperimentService experimentService, RecommendationRequest request) {
        if (experimentService == null) {
            return Assignment.NONE;
        }
        try {
            return experimentService.assign(request);
        } catch (RuntimeException failure) {
            LOG.warn("Request {}: experiment assignment failed, serving outside experiments", request.requestId(),
                    failure);
            return Assignment.NONE;
        }
    }

    private RecommendationResponse serve(RecommendationRequest request, Assignment assignment) {
        FacadeConfiguration settings = configuration;
        CandidateSet candidates = CandidateSet.of(request, catalog, activePolicies(settings, request));
        String chosenDescription = assignment.recommenderFilter()
                .map(filter -> "variant " + assignment.variant() + " " + filter)
                .orElse(settings.recommender());
        if (candidates.isEmpty()) {
            return response(request, List.of(), candidates, chosenDescription, assignment, Optional.empty());
        }
        int k = Math.min(Math.min(request.k(), settings.max_k()), candidates.size());

        List<RankedProduct> ranked = List.of();
        Optional<Reason> fallbackReason;
        RuntimeException lastFailure = null;
        RecommenderRegistry.Entry chosen = assignment.recommenderFilter().isPresent()
                ? recommenders.byFilter(assignment.recommenderFilter().get())
                : recommenders.byName(settings.recommender());
        if (chosen == null) {
            fallbackReason = Optional.of(fallbackReason("Recommender " + chosenDescription + " is not available."));
        } else {
            try {
                ranked = rankWithinBudget(chosen, request, candidates, k, settings.time_budget_ms(), false);
                fallbackReason = ranked.size() < k
                        ? Optional.of(fallbackReason("Recommender " + chosen.name() + " ranked only " + ranked.size()
                                + " of " + k + " products."))
                        : Optional.empty();
            } catch (RecommenderFailure failure) {
                lastFailure = failure;
                fallbackReason = Optional.of(fallbackReason(failure.getMessage()));
                LOG.warn("Request {}: {}", request.requestId(), failure.getMessage());
            }
        }

        String servedBy = ranked.isEmpty() ? settings.fallback_recommender() : chosen.name();
        if (fallbackReason.isPresent() && (chosen == null || !chosen.name().equals(settings.fallback_recommender()))) {
            ranked = fillFromFallback(settings, request, candidates, k, ranked, fallbackReason.get());
        }
        // Suitable candidates exist, so an empty ranking means nobody could serve (absent, failed or no opinion).
        if (ranked.isEmpty()) {
            throw new RecommendationUnavailableException("Request " + request.requestId() + ": neither recommender "
                    + chosenDescription + " nor fallback " + settings.fallback_recommender() + " could serve ("
                    + fallbackReason.map(Reason::message).orElse("") + ")", lastFailure);
        }
        return response(request, ranked, candidates, servedBy, assignment, fallbackReason);
    }

    /** Ranks the served candidates with the shadow variant's recommender and records it; never served. */
    private void computeShadow(ExperimentService experimentService, Assignment assignment,
            RecommendationRequest request, RecommendationResponse served) {
        List<String> shadowRanking = List.of();
        try {
            RecommenderRegistry.Entry shadow = recommenders.byFilter(assignment.shadowFilter().orElseThrow());
            if (shadow != null) {
                FacadeConfiguration settings = configuration;
                CandidateSet candidates = CandidateSet.of(request, catalog, activePolicies(settings, request));
                int k = Math.min(Math.min(request.k(), settings.max_k()), candidates.size());
                shadowRanking = rankCounted(shadow, request, candidates, k).stream()
                        .map(product -> product.product().id()).toList();
            }
        } catch (RuntimeException failure) {
            LOG.debug("Request {}: shadow variant failed", request.requestId(), failure);
        }
        experimentService.recordShadow(assignment, served, shadowRanking);
    }

    private List<RankedProduct> fillFromFallback(FacadeConfiguration settings, RecommendationRequest request,
            CandidateSet candidates, int k, List<RankedProduct> ranked, Reason fallbackReason) {
        RecommenderRegistry.Entry fallback = recommenders.byName(settings.fallback_recommender());
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
                        product.modelVersion(), product.recommenderBundle()));
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
    private List<RankedProduct> rankWithinBudget(RecommenderRegistry.Entry recommender, RecommendationRequest request,
            CandidateSet candidates, int k, long budgetMillis, boolean inlineWhenSaturated) {
        Future<List<RankedProduct>> future;
        try {
            future = workers.submit(() -> rankCounted(recommender, request, candidates, k));
        } catch (RejectedExecutionException saturated) {
            if (!inlineWhenSaturated) {
                throw new RecommenderFailure("All " + workers.getMaximumPoolSize() + " recommender workers are "
                        + "busy; " + recommender.name() + " was not asked.", saturated);
            }
            try {
                return rankCounted(recommender, request, candidates, k);
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

    /** Ranks while counting the call as running on the recommender, which its removal waits for. */
    private static List<RankedProduct> rankCounted(RecommenderRegistry.Entry recommender,
            RecommendationRequest request, CandidateSet candidates, int k) {
        recommender.inFlight().incrementAndGet();
        try {
            return Ranking.rank(recommender, request, candidates, k);
        } finally {
            recommender.inFlight().decrementAndGet();
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

    private static Reason fallbackReason(String message) {
        return Reason.of(ReasonCodes.FALLBACK, message);
    }

    private static RecommendationResponse response(RecommendationRequest request, List<RankedProduct> ranked,
            CandidateSet candidates, String servedBy, Assignment assignment, Optional<Reason> fallbackReason) {
        List<Recommendation> recommendations = new ArrayList<>(ranked.size());
        for (RankedProduct product : ranked) {
            recommendations.add(new Recommendation(product.product(), recommendations.size() + 1, product.score(),
                    product.reasons(), product.recommender(), product.modelVersion(), product.recommenderBundle(),
                    assignment.variant()));
        }
        return new RecommendationResponse(request.requestId(), request.customer().id(), recommendations,
                candidates.exclusions(), servedBy, assignment.variant(), fallbackReason);
    }

    /** A recommender failed, timed out or was interrupted; the message says which and how. */
    private static final class RecommenderFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RecommenderFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
