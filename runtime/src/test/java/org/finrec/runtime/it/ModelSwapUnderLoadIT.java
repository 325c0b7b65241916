package org.finrec.runtime.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.inject.Inject;
import org.finrec.api.ProductCatalog;
import org.finrec.api.data.Dataset;
import org.finrec.api.recommend.Recommendation;
import org.finrec.api.recommend.RecommendationRequest;
import org.finrec.api.recommend.RecommendationResponse;
import org.finrec.api.recommend.RecommendationService;
import org.finrec.api.spi.Recommender;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * A model-only update under load: 8 threads call the facade while the configuration switches the ALS recommender
 * between two stored model versions 10 times. The service stays the same, no call fails or falls back, and every
 * recommendation comes from one of the two versions, the new one as soon as the switch is done.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ModelSwapUnderLoadIT {

    private static final String NAME = "stored-als";
    private static final int THREADS = 8;
    private static final int SWITCHES = 10;

    @Inject
    private BundleContext context;

    @Inject
    private ConfigurationAdmin configurationAdmin;

    @Configuration
    public Option[] configuration() {
        return FeatureOptions.of("platform", "core", "cf");
    }

    @Test
    public void switchingTheModelVersionUnderLoadFailsNoCall() throws Exception {
        Dataset bank = TestBank.dataset();
        Dictionary<String, Object> data = new Hashtable<>();
        data.put(Dataset.NAME, "test-bank");
        ServiceRegistration<Dataset> dataset = context.registerService(Dataset.class, bank, data);
        ServiceRegistration<ProductCatalog> catalog = context.registerService(ProductCatalog.class,
                TestBank.catalog(), null);
        Path store = Files.createTempDirectory("finrec-model-swap");

        Dictionary<String, Object> cf = new Hashtable<>();
        cf.put("finrec.recommender.name", NAME);
        cf.put("factors", 4);
        cf.put("model.store", store.toString());
        org.osgi.service.cm.Configuration config = configurationAdmin.getFactoryConfiguration(
                "org.finrec.recommender.cf.als", NAME, "?");
        config.update(cf);
        ServiceReference<Recommender> service = awaitVersion(null);
        String first = version(service);
        cf.put("seed", 7L);
        config.update(cf); // retrains with another seed and stores the second version
        String second = awaitDifferentVersion(service, first);
        String[] versions = {first, second};

        Dictionary<String, Object> facadeSettings = new Hashtable<>();
        facadeSettings.put("recommender", NAME);
        facadeSettings.put("fallback.recommender", "popularity");
        facadeSettings.put("time.budget.ms", 5_000L);
        configurationAdmin.getConfiguration("org.finrec.core.facade", "?").update(facadeSettings);
        RecommendationService facade = FacadeIT.facade(context);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!facade.recommend(request(bank, 1)).servedBy().equals(NAME)) {
            assertTrue("the facade does not serve " + NAME, System.nanoTime() < deadline);
            Thread.sleep(20);
        }

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong calls = new AtomicLong();
        AtomicInteger failures = new AtomicInteger();
        AtomicInteger fallbacks = new AtomicInteger();
        AtomicReference<String> firstProblem = new AtomicReference<>();
        AtomicReference<String> expected = new AtomicReference<>(second);
        AtomicLong generation = new AtomicLong(); // changes when a switch starts and when it ends
        AtomicInteger staleAfterSwitch = new AtomicInteger();
        Set<String> served = ConcurrentHashMap.newKeySet();
        ExecutorService callers = Executors.newFixedThreadPool(THREADS);
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            callers.execute(() -> {
                for (int i = 0; running.get(); i++) {
                    try {
                        long generationBefore = generation.get();
                        String wanted = expected.get();
                        RecommendationResponse response = facade.recommend(request(bank, i * THREADS + thread));
                        // judged only for calls that ran entirely after a switch completed and before the next one
                        boolean judged = wanted != null && generation.get() == generationBefore;
                        if (response.isFallback()) {
                            fallbacks.incrementAndGet();
                            firstProblem.compareAndSet(null, response.fallbackReason().orElseThrow().message());
                        }
                        for (Recommendation recommendation : response.recommendations()) {
                            served.add(recommendation.modelVersion());
                            if (judged && !recommendation.modelVersion().equals(wanted)) {
                                staleAfterSwitch.incrementAndGet();
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
        for (int n = 0; n < SWITCHES; n++) {
            String target = versions[n % 2];
            expected.set(null); // while switching, either version may answer
            generation.incrementAndGet();
            cf.put("model.version", target);
            config.update(cf);
            awaitVersionOf(service, target);
            expected.set(target);
            generation.incrementAndGet();
            long before = calls.get();
            while (calls.get() < before + 200) {
                Thread.sleep(5);
            }
        }
        running.set(false);
        callers.shutdown();
        assertTrue(callers.awaitTermination(30, TimeUnit.SECONDS));

        assertEquals("failed calls, first: " + firstProblem.get(), 0, failures.get());
        assertEquals("fallbacks, first: " + firstProblem.get(), 0, fallbacks.get());
        assertEquals("responses from the old model after a switch had completed", 0, staleAfterSwitch.get());
        assertEquals(Set.of(first, second), served);
        assertEquals("the same service throughout", service.getProperty("service.id"),
                awaitVersion(null).getProperty("service.id"));
        config.delete();
        dataset.unregister();
        catalog.unregister();
    }

    private static RecommendationRequest request(Dataset bank, int i) {
        return RecommendationRequest.builder(bank.customer(i % bank.customerCount())).k(2).build();
    }

    private ServiceReference<Recommender> awaitVersion(String version) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            for (ServiceReference<Recommender> ref : context.getServiceReferences(Recommender.class,
                    "(finrec.recommender.name=" + NAME + ")")) {
                if (version == null || version.equals(version(ref))) {
                    return ref;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no " + NAME + " with model version " + version);
    }

    private String awaitDifferentVersion(ServiceReference<Recommender> service, String old) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String current = version(service);
        while (current.equals(old)) {
            assertTrue("the model was not retrained", System.nanoTime() < deadline);
            Thread.sleep(20);
            current = version(service);
        }
        return current;
    }

    private void awaitVersionOf(ServiceReference<Recommender> service, String version) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!version.equals(version(service))) {
            assertTrue("the model did not switch to " + version, System.nanoTime() < deadline);
            Thread.sleep(5);
        }
        assertNotEquals(null, version);
    }

    private String version(ServiceReference<Recommender> ref) {
        Recommender recommender = context.getService(ref);
        try {
            return recommender.modelVersion();
        } finally {
            context.ungetService(ref);
        }
    }
}
