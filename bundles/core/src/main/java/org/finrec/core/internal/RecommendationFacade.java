package org.finrec.core.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.finrec.api.ProductCatalog;
import org.finrec.api.concurrent.NamedThreads;
import org.finrec.api.config.ConfigurationReader;
import org.finrec.api.config.InvalidConfigurationException;
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
    /** Recommender services bound by Declarative Services but not obtained yet, by service id. */
    private final Map<Long, Pending> binding = new ConcurrentHashMap<>();
    /** Obtains bound recommender services (which trains or loads their models) off the binding thread. */
    private final ExecutorService binder = Executors.newCachedThreadPool(NamedThreads.numbered("finrec-recommender-binder"));
    /** Finds recommender services registered but not bound yet; null in unit tests. */
    private final BundleContext context;
    private final ThreadPoolExecutor workers;
    /** Computes shadow variants off the request path; drops them (never blocks a request) when it falls behind. */
    private final ThreadPoolExecutor shadowWorkers;
    private volatile FacadeSettings configuration;

    /**
     * Activates the facade with its configuration, read in full and checked first.
     *
     * @throws InvalidConfigurationException naming the PID, the property and the value of a bad setting; the
     *     facade does not start on a configuration it cannot apply
     */
    @Activate
    public RecommendationFacade(Map<String, Object> properties, BundleContext context) {
        this(FacadeSettings.from(properties), context);
    }

    private RecommendationFacade(FacadeSettings configuration, BundleContext context) {
        this.configuration = configuration;
        this.context = context;
        this.workers = new ThreadPoolExecutor(0, configuration.workerThreads(), 30, TimeUnit.SECONDS,
                new SynchronousQueue<>(), NamedThreads.numbered("finrec-recommender"));
        this.shadowWorkers = new ThreadPoolExecutor(SHADOW_THREADS, SHADOW_THREADS, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(SHADOW_QUEUE), NamedThreads.numbered("finrec-shadow"),
                new ThreadPoolExecutor.DiscardPolicy());
        shadowWorkers.allowCoreThreadTimeOut(true);
    }

    /** Constructor for unit tests, which set the references that Declarative Services would inject. */
    RecommendationFacade(FacadeSettings configuration, ProductCatalog catalog, List<Recommender> recommenders,
            Map<String, SuitabilityPolicy> policiesByName) {
        this(configuration, catalog, recommenders, policiesByName, null);
    }

    /** Constructor for unit tests of experiments; {@code experiments} may be null. */
    RecommendationFacade(FacadeSettings configuration, ProductCatalog catalog, List<Recommender> recommenders,
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

    /**
     * Binds a recommender service without obtaining it on the calling thread: the service object is obtained on a
     * binder thread, because obtaining it activates its component, and a recommender's activation trains or loads
     * its model. Declarative Services binds on the thread that registered the service, which for a new
     * configuration is Configuration Admin's only delivery thread: a long training there would hold back every
     * other configuration change. Until it is obtained, the recommender is registered but not bound, and the
     * facade serves as if it were absent (the fallback stands in).
     */
    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            cardinality = ReferenceCardinality.MULTIPLE)
    void bindRecommender(ServiceReference<Recommender> reference) {
        long serviceId = (Long) reference.getProperty(Constants.SERVICE_ID);
        binding.put(serviceId, new Pending(reference, new CompletableFuture<>()));
        binder.execute(() -> obtain(reference));
    }

    /** A changed registration (its configuration changed) is bound again if it could not be obtained before. */
    void updatedRecommender(ServiceReference<Recommender> reference) {
        long serviceId = (Long) reference.getProperty(Constants.SERVICE_ID);
        if (!recommenders.contains(serviceId)
                && binding.putIfAbsent(serviceId, new Pending(reference, new CompletableFuture<>())) == null) {
            binder.execute(() -> obtain(reference));
        }
    }

    /** A recommender service bound but not obtained yet; {@code obtained} completes when it has been tried. */
    private record Pending(ServiceReference<Recommender> reference, CompletableFuture<Void> obtained) {
    }

    /** Obtains a bound recommender service and routes to it, unless it was unbound meanwhile. */
    private void obtain(ServiceReference<Recommender> reference) {
        long serviceId = (Long) reference.getProperty(Constants.SERVICE_ID);
        Pending pending = binding.get(serviceId);
        if (pending == null) {
            return;
        }
        try {
            Recommender recommender;
            try {
                recommender = context.getService(reference);
            } catch (IllegalStateException stopping) {
                return; // the facade's bundle is stopping
            }
            if (recommender == null) {
                binding.remove(serviceId);
                LOG.error("Recommender service {} ({}) cannot be obtained: its component failed to activate (the "
                        + "reason is logged by Declarative Services with its PID); it is bound again when its "
                        + "configuration changes", reference.getProperty(Recommender.NAME), serviceId);
                return;
            }
            synchronized (binding) {
                if (binding.remove(serviceId) == null) {
                    context.ungetService(reference); // unbound while it was being obtained
                    return;
                }
                Map<String, Object> properties = new HashMap<>();
                for (String key : reference.getPropertyKeys()) {
                    properties.put(key, reference.getProperty(key));
                }
                Bundle bundle = reference.getBundle();
                recommenders.add(recommender, properties,
                        bundle == null ? "unknown" : bundle.getSymbolicName() + "/" + bundle.getVersion());
            }
        } finally {
            pending.obtained().complete(null);
        }
    }

    /**
     * Waits, at most {@code millis}, for the bound recommender services that match and are still being obtained
     * (a component that is activating: loading or training its model), so that a request arriving a moment after a
     * recommender's registration is served by it rather than by the fallback.
     */
    private void awaitPending(java.util.function.Predicate<ServiceReference<Recommender>> matches, long millis) {
        List<CompletableFuture<Void>> waits = new ArrayList<>();
        for (Pending pending : binding.values()) {
            if (matches.test(pending.reference())) {
                waits.add(pending.obtained());
            }
        }
        if (waits.isEmpty()) {
            return;
        }
        try {
            CompletableFuture.allOf(waits.toArray(CompletableFuture[]::new)).get(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException stillPending) {
            // serve without it: the fallback stands in while it trains
        }
    }

    /** The preferred bound recommender of that name, after waiting for one still being obtained. */
    private RecommenderRegistry.Entry byName(String name, long waitMillis) {
        RecommenderRegistry.Entry entry = recommenders.byName(name);
        if (entry == null && context != null) {
            awaitPending(reference -> name.equals(reference.getProperty(Recommender.NAME)), waitMillis);
            entry = recommenders.byName(name);
        }
        return entry;
    }

    /** The preferred bound recommender matching an OSGi filter, after waiting for one still being obtained. */
    private RecommenderRegistry.Entry byFilter(String filter, long waitMillis) {
        RecommenderRegistry.Entry entry = recommenders.byFilter(filter);
        if (entry == null && context != null) {
            try {
                org.osgi.framework.Filter parsed = context.createFilter(filter);
                awaitPending(parsed::match, waitMillis);
            } catch (InvalidSyntaxException invalid) {
                return null;
            }
            entry = recommenders.byFilter(filter);
        }
        return entry;
    }

    /**
     * Stops routing to a recommender and waits for the calls running on it, so that the bundle providing it is
     * stopped (and may release its model) only after it drained. Declarative Services calls this before it
     * deactivates the providing component.
     *
     * <p>When another service of the same name is already registered but not bound here yet (a new version of the
     * bundle, started side by side, still being obtained), the departing one keeps serving until that one is
     * bound, or the drain timeout ends: removing the old one first would leave a gap.
     */
    void unbindRecommender(ServiceReference<Recommender> reference) {
        long serviceId = (Long) reference.getProperty(Constants.SERVICE_ID);
        RecommenderRegistry.Entry bound;
        synchronized (binding) {
            binding.remove(serviceId);
            bound = recommenders.byServiceId(serviceId);
        }
        if (bound == null) {
            return; // never obtained, or still being obtained: obtain() lets it go
        }
        long drainMillis = configuration.drainTimeoutMillis();
        try {
            awaitReplacement(reference, bound.name(), drainMillis);
            int stillRunning = recommenders.remove(bound.recommender(), drainMillis);
            if (stillRunning > 0) {
                LOG.warn("Recommender {} went away with {} calls still running after {} ms", bound.name(),
                        stillRunning, drainMillis);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                context.ungetService(reference);
            } catch (IllegalStateException stopping) {
                // the facade's bundle is stopping: the framework releases its services
            }
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

    /**
     * Applies a configuration change in place. A configuration with a bad setting is refused as a whole: the error
     * names the PID, the property and the value, and the previous settings keep serving.
     */
    @Modified
    void modified(Map<String, Object> properties) {
        ConfigurationReader.readChange(() -> FacadeSettings.from(properties), refused -> {
            FacadeSettings kept = configuration;
            LOG.error("{}; the facade keeps serving with recommender={}, fallback={}, time.budget.ms={}, max.k={}",
                    refused.getMessage(), kept.recommender(), kept.fallbackRecommender(), kept.timeBudgetMillis(),
                    kept.maxK());
        }).ifPresent(this::apply);
    }

    /** Applies checked settings; the worker pool is resized before requests may use the new limit. */
    private void apply(FacadeSettings changed) {
        workers.setMaximumPoolSize(changed.workerThreads());
        this.configuration = changed;
        LOG.info("Facade reconfigured: recommender={}, fallback={}, time.budget.ms={}, max.k={}",
                changed.recommender(), changed.fallbackRecommender(), changed.timeBudgetMillis(), changed.maxK());
    }

    @Deactivate
    void deactivate() {
        binding.clear();
        binder.shutdownNow();
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
        FacadeSettings settings = configuration;
        CandidateSet candidates = CandidateSet.of(request, catalog, activePolicies(settings, request));
        String chosenDescription = assignment.recommenderFilter()
                .map(filter -> "variant " + assignment.variant() + " " + filter)
                .orElse(settings.recommender());
        if (candidates.isEmpty()) {
            return response(request, List.of(), candidates, chosenDescription, assignment, Optional.empty());
        }
        int k = Math.min(Math.min(request.k(), settings.maxK()), candidates.size());

        List<RankedProduct> ranked = List.of();
        Optional<Reason> fallbackReason;
        RuntimeException lastFailure = null;
        RecommenderRegistry.Entry chosen = assignment.recommenderFilter().isPresent()
                ? byFilter(assignment.recommenderFilter().get(), settings.timeBudgetMillis())
                : byName(settings.recommender(), settings.timeBudgetMillis());
        if (chosen == null) {
            fallbackReason = Optional.of(fallbackReason("Recommender " + chosenDescription + " is not available."));
        } else {
            try {
                ranked = rankWithinBudget(chosen, request, candidates, k, settings.timeBudgetMillis(), false);
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

        String servedBy = ranked.isEmpty() ? settings.fallbackRecommender() : chosen.name();
        if (fallbackReason.isPresent() && (chosen == null || !chosen.name().equals(settings.fallbackRecommender()))) {
            ranked = fillFromFallback(settings, request, candidates, k, ranked, fallbackReason.get());
        }
        // Suitable candidates exist, so an empty ranking means nobody could serve (absent, failed or no opinion).
        if (ranked.isEmpty()) {
            throw new RecommendationUnavailableException("Request " + request.requestId() + ": neither recommender "
                    + chosenDescription + " nor fallback " + settings.fallbackRecommender() + " could serve ("
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
                FacadeSettings settings = configuration;
                CandidateSet candidates = CandidateSet.of(request, catalog, activePolicies(settings, request));
                int k = Math.min(Math.min(request.k(), settings.maxK()), candidates.size());
                shadowRanking = rankCounted(shadow, request, candidates, k).stream()
                        .map(product -> product.product().id()).toList();
            }
        } catch (RuntimeException failure) {
            LOG.debug("Request {}: shadow variant failed", request.requestId(), failure);
        }
        experimentService.recordShadow(assignment, served, shadowRanking);
    }

    private List<RankedProduct> fillFromFallback(FacadeSettings settings, RecommendationRequest request,
            CandidateSet candidates, int k, List<RankedProduct> ranked, Reason fallbackReason) {
        RecommenderRegistry.Entry fallback = byName(settings.fallbackRecommender(), settings.timeBudgetMillis());
        if (fallback == null) {
            LOG.warn("Request {}: fallback recommender {} is not available either", request.requestId(),
                    settings.fallbackRecommender());
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
                    settings.timeBudgetMillis(), true)) {
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
    private List<SuitabilityPolicy> activePolicies(FacadeSettings settings, RecommendationRequest request) {
        List<Map.Entry<Map<String, Object>, SuitabilityPolicy>> current = policies;
        for (String required : settings.requiredPolicies()) {
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
