package org.finrec.runtime.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.streamBundle;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.inject.Inject;
import org.finrec.api.Customer;
import org.finrec.api.ProductCatalog;
import org.finrec.api.data.Dataset;
import org.finrec.api.experiment.ExperimentService;
import org.finrec.api.experiment.VariantReport;
import org.finrec.api.recommend.Recommendation;
import org.finrec.api.recommend.RecommendationRequest;
import org.finrec.api.recommend.RecommendationResponse;
import org.finrec.api.recommend.RecommendationService;
import org.finrec.api.spi.Recommender;
import org.finrec.runtime.BundleVersions;
import org.finrec.runtime.FinrecRuntimeException;
import org.finrec.runtime.internal.BundleDeployer;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.tinybundles.TinyBundle;
import org.ops4j.pax.tinybundles.TinyBundles;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Hot swap under load: 8 threads call the facade without pause while the popularity recommender's bundle is replaced
 * 20 times, half through the framework (side by side) and half through FileInstall's deploy folder, and an
 * experiment splits the customers between two recommenders of that bundle. No call may fail or come back empty,
 * no customer may change variant, every response must come from a version that was installed, and no thread may
 * see an older version after a newer one.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HotSwapIT {

    private static final String POPULARITY_BUNDLE = "org.finrec.recommender.popularity";
    private static final int SWAPS = 20;
    private static final int THREADS = 8;

    @Inject
    private BundleContext context;

    @Inject
    private ConfigurationAdmin configurationAdmin;

    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();

    @Configuration
    public Option[] configuration() throws IOException {
        Path work = Files.createTempDirectory("finrec-hotswap");
        Path bundles = Path.of(System.getProperty("finrec.bundles", "target/finrec-runtime/bundles"));
        Path popularity;
        try (var files = Files.list(bundles)) {
            popularity = files.filter(file -> file.getFileName().toString().startsWith("finrec-recommender-popularity"))
                    .findFirst().orElseThrow().toAbsolutePath();
        }
        Files.createDirectories(work.resolve("deploy"));
        return OptionUtils.combine(FeatureOptions.of("platform", "core", "experiment"),
                systemProperty("finrec.data.dir").value(work.resolve("data").toString()),
                systemProperty("felix.fileinstall.dir").value(work.resolve("deploy").toString()),
                systemProperty("felix.fileinstall.poll").value("50"),
                systemProperty("finrec.it.work").value(work.toString()),
                systemProperty("finrec.it.popularity").value(popularity.toString()),
                deployerBundle());
    }

    /** The runtime's deployer as a bundle, so that the swaps below go through the code hosts use. */
    private static Option deployerBundle() throws IOException {
        TinyBundle bundle = TinyBundles.bundle()
                .addClass(BundleDeployer.class)
                .addClass(FinrecRuntimeException.class)
                .addClass(BundleVersions.class)
                .symbolicName("org.finrec.it.deployer")
                .setHeader(Constants.BUNDLE_MANIFESTVERSION, "2")
                .setHeader(Constants.EXPORT_PACKAGE, "org.finrec.runtime,org.finrec.runtime.internal")
                .setHeader(Constants.IMPORT_PACKAGE, "org.osgi.framework,org.osgi.framework.wiring");
        try {
            bundle.addClass(Class.forName(BundleDeployer.class.getName() + "$Identity"));
        } catch (ClassNotFoundException missing) {
            throw new IllegalStateException(missing);
        }
        return streamBundle(bundle.build(TinyBundles.rawBuilder()));
    }

    private final BlockingQueue<Event> allocationEvents = new LinkedBlockingQueue<>();

    @Before
    public void configure() throws Exception {
        Dictionary<String, Object> topics = new Hashtable<>();
        topics.put(EventConstants.EVENT_TOPIC, ExperimentService.ALLOCATION_TOPIC);
        registrations.add(context.registerService(EventHandler.class, allocationEvents::add, topics));
        registrations.add(context.registerService(ProductCatalog.class, TestBank.catalog(), null));
        Dictionary<String, Object> data = new Hashtable<>();
        data.put(Dataset.NAME, "test-bank");
        registrations.add(context.registerService(Dataset.class, TestBank.dataset(), data));

        Dictionary<String, Object> facade = new Hashtable<>();
        facade.put("recommender", "popularity");
        facade.put("fallback.recommender", "popularity");
        facade.put("time.budget.ms", 5_000L);
        configurationAdmin.getConfiguration("org.finrec.core.facade", "?").update(facade);

        Dictionary<String, Object> plain = new Hashtable<>();
        plain.put("finrec.recommender.name", "popularity-plain");
        plain.put("smoothing", 0.0);
        configurationAdmin.getFactoryConfiguration("org.finrec.recommender.popularity", "plain", "?").update(plain);

        Dictionary<String, Object> experiment = new Hashtable<>();
        experiment.put("id", "swap-test");
        experiment.put("variants", new String[] {"control:50:(finrec.recommender.name=popularity)",
            "treatment:50:(finrec.recommender.name=popularity-plain)"});
        configurationAdmin.getFactoryConfiguration("org.finrec.experiment", "swap-test", "?").update(experiment);
    }

    @After
    public void unregister() {
        registrations.forEach(ServiceRegistration::unregister);
    }

    @Test
    public void replacingARecommenderBundle20TimesUnderLoadFailsNoCallAndMovesNoCustomer() throws Exception {
        RecommendationService facade = FacadeIT.facade(context);
        ExperimentService experiments = service(ExperimentService.class);
        Event configured = allocationEvents.poll(30, TimeUnit.SECONDS);
        assertNotNull("the new experiment's allocation is announced on Event Admin", configured);
        assertEquals("swap-test", configured.getProperty(ExperimentService.EVENT_EXPERIMENT));
        assertEquals("configured", configured.getProperty(ExperimentService.EVENT_CHANGE));
        assertTrue(String.valueOf(configured.getProperty(ExperimentService.EVENT_DETAIL)).contains(
                "treatment weight 50"));
        awaitVariants(facade, Set.of("control", "treatment"));
        long impressionsBefore = settledImpressions(experiments);

        Path work = Path.of(System.getProperty("finrec.it.work"));
        Path original = Path.of(System.getProperty("finrec.it.popularity"));
        BundleDeployer deployer = new BundleDeployer(context, work.resolve("deploy"), Duration.ofSeconds(30));
        String buildVersion = bundle(POPULARITY_BUNDLE).get(0).getVersion().toString();
        Set<String> installedVersions = ConcurrentHashMap.newKeySet();
        installedVersions.add(POPULARITY_BUNDLE + "/" + buildVersion);

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong calls = new AtomicLong();
        AtomicInteger failures = new AtomicInteger();
        AtomicInteger emptyResponses = new AtomicInteger();
        AtomicInteger fallbacks = new AtomicInteger();
        AtomicInteger variantChanges = new AtomicInteger();
        AtomicInteger versionsGoingBack = new AtomicInteger();
        AtomicReference<String> firstProblem = new AtomicReference<>();
        AtomicInteger currentSwap = new AtomicInteger();
        Queue<String> bundleEvents = new ConcurrentLinkedQueue<>(); // for failure messages
        long t0 = System.nanoTime();
        context.addBundleListener(event -> {
            if (POPULARITY_BUNDLE.equals(event.getBundle().getSymbolicName())) {
                bundleEvents.add((System.nanoTime() - t0) / 1_000_000 + "ms swap" + currentSwap.get() + " "
                        + event.getBundle().getVersion() + " type" + event.getType());
            }
        });
        Map<String, String> variantOfCustomer = new ConcurrentHashMap<>();
        Set<String> versionsServed = ConcurrentHashMap.newKeySet();
        ExecutorService callers = Executors.newFixedThreadPool(THREADS);
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            callers.execute(() -> {
                Map<String, String> newestSeen = new HashMap<>(); // by recommender name
                for (int i = 0; running.get(); i++) {
                    String customerId = "customer-" + ((i * THREADS + thread) % 500);
                    Customer customer = Customer.builder(customerId).age(45).riskTolerance(7).segment("retail")
                            .build();
                    try {
                        RecommendationResponse response = facade.recommend(
                                RecommendationRequest.builder(customer).k(3).build());
                        if (response.recommendations().isEmpty()) {
                            emptyResponses.incrementAndGet();
                        }
                        if (response.isFallback()) {
                            fallbacks.incrementAndGet();
                            firstProblem.compareAndSet(null, "during swap " + currentSwap.get() + ": "
                                    + response.fallbackReason().orElseThrow().message() + " " + diagnose());
                        }
                        String previous = variantOfCustomer.putIfAbsent(customerId, response.variant());
                        if (previous != null && !previous.equals(response.variant())) {
                            variantChanges.incrementAndGet();
                        }
                        for (Recommendation recommendation : response.recommendations()) {
                            String version = recommendation.recommenderBundle();
                            versionsServed.add(version);
                            String newest = newestSeen.getOrDefault(recommendation.recommender(), "");
                            if (version.compareTo(newest) < 0) {
                                versionsGoingBack.incrementAndGet();
                                firstProblem.compareAndSet(null, recommendation.recommender() + ": " + version
                                        + " after " + newest);
                            } else {
                                newestSeen.put(recommendation.recommender(), version);
                            }
                        }
                    } catch (RuntimeException e) {
                        failures.incrementAndGet();
                        firstProblem.compareAndSet(null, e.toString());
                    }
                    calls.incrementAndGet();
                }
            });
        }

        for (int swap = 1; swap <= SWAPS; swap++) {
            String version = BundleVersions.swapVersion(buildVersion, swap);
            Path file = BundleVersions.withVersion(original, version,
                    work.resolve("popularity-" + version + ".jar"));
            long callsBefore = calls.get();
            currentSwap.set(swap);
            if (swap % 2 == 1) {
                deployer.replace(file);
            } else {
                deployer.deploy(file);
            }
            installedVersions.add(POPULARITY_BUNDLE + "/" + version);
            List<Bundle> installed = bundle(POPULARITY_BUNDLE);
            assertEquals("exactly one version after swap " + swap, 1, installed.size());
            assertEquals(version, installed.get(0).getVersion().toString());
            awaitMoreCalls(calls, callsBefore);
        }
        Thread.sleep(200);
        running.set(false);
        callers.shutdown();
        assertTrue(callers.awaitTermination(30, TimeUnit.SECONDS));

        assertEquals("failed calls, first: " + firstProblem.get(), 0, failures.get());
        assertEquals("empty responses", 0, emptyResponses.get());
        assertEquals("responses completed by the fallback, first: " + firstProblem.get() + " events " + bundleEvents,
                0, fallbacks.get());
        assertEquals("customers whose variant changed", 0, variantChanges.get());
        assertEquals("a thread saw an older version after a newer one: " + firstProblem.get(), 0,
                versionsGoingBack.get());
        assertTrue("served by versions never installed: " + versionsServed,
                installedVersions.containsAll(versionsServed));
        assertTrue("the last version serves: " + versionsServed, versionsServed.contains(POPULARITY_BUNDLE + "/"
                + BundleVersions.swapVersion(buildVersion, SWAPS)));
        assertTrue("calls made: " + calls.get(), calls.get() > 1_000);
        assertEquals(Set.of("control", "treatment"), new TreeSet<>(variantOfCustomer.values()));

        long expected = impressionsBefore + calls.get();
        long recorded = awaitImpressions(experiments, expected);
        assertEquals("every response is an impression of its variant", expected, recorded);
    }

    private static void awaitMoreCalls(AtomicLong calls, long before) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (calls.get() < before + 100 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    /** The impressions recorded so far, once the warm-up's impressions (logged asynchronously) are all counted. */
    private static long settledImpressions(ExperimentService experiments) throws InterruptedException {
        long previous = -1;
        long current = impressions(experiments);
        while (current != previous) {
            Thread.sleep(200);
            previous = current;
            current = impressions(experiments);
        }
        return current;
    }

    private static long impressions(ExperimentService experiments) {
        return experiments.report("swap-test").orElseThrow().variants().stream()
                .mapToLong(VariantReport::impressions).sum();
    }

    private static long awaitImpressions(ExperimentService experiments, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        long recorded;
        do {
            recorded = impressions(experiments);
            if (recorded >= expected) {
                return recorded;
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        return recorded;
    }

    private static void awaitVariants(RecommendationService facade, Set<String> variants) throws Exception {
        Set<String> seen = new TreeSet<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (int i = 0; !seen.containsAll(variants) || seenFallback(facade); i++) {
            assertTrue("variants seen: " + seen, System.nanoTime() < deadline);
            RecommendationResponse response = facade.recommend(RecommendationRequest.builder(
                    Customer.builder("warm-up-" + i).age(45).riskTolerance(7).build()).k(3).build());
            if (!response.isFallback()) {
                seen.add(response.variant());
            }
            Thread.sleep(5);
        }
    }

    /** Whether a request now still needs the fallback (a recommender of the experiment is not registered yet). */
    private static boolean seenFallback(RecommendationService facade) {
        for (int i = 0; i < 50; i++) {
            if (facade.recommend(RecommendationRequest.builder(Customer.builder("probe-" + i).age(45)
                    .riskTolerance(7).build()).k(3).build()).isFallback()) {
                return true;
            }
        }
        return false;
    }

    private <T> T service(Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        T service = tracker.waitForService(10_000);
        assertNotNull("no " + type.getSimpleName() + " within 10 s", service);
        return service;
    }

    /** The registered recommenders and the popularity bundles, for failure messages. */
    private String diagnose() {
        StringBuilder text = new StringBuilder();
        try {
            for (var reference : context.getServiceReferences(Recommender.class, null)) {
                text.append(reference.getProperty("finrec.recommender.name")).append('@')
                        .append(reference.getBundle().getVersion()).append(' ');
            }
        } catch (InvalidSyntaxException impossible) {
            throw new IllegalStateException(impossible);
        }
        for (Bundle bundle : bundle(POPULARITY_BUNDLE)) {
            text.append(bundle.getVersion()).append(':').append(bundle.getState()).append(':')
                    .append(bundle.getLocation()).append(' ');
        }
        return text.toString();
    }

    private List<Bundle> bundle(String symbolicName) {
        List<Bundle> bundles = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName()) && bundle.getState() != Bundle.UNINSTALLED) {
                bundles.add(bundle);
            }
        }
        return bundles;
    }
}
