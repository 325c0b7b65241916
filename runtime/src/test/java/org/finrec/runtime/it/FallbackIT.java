package org.finrec.runtime.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.streamBundle;

import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import javax.inject.Inject;
import org.finrec.api.Customer;
import org.finrec.api.Product;
import org.finrec.api.ProductCatalog;
import org.finrec.api.data.Dataset;
import org.finrec.api.recommend.Explanation;
import org.finrec.api.recommend.RecommendationRequest;
import org.finrec.api.recommend.RecommendationResponse;
import org.finrec.api.recommend.RecommendationService;
import org.finrec.api.spi.Recommender;
import org.finrec.api.spi.RequestScorer;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;
import org.ops4j.pax.tinybundles.TinyBundles;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The facade keeps answering when the configured recommender's bundle stops, when the recommender throws, and when
 * it hangs: the fallback serves within the time budget and no call fails.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class FallbackIT {

    private static final String HIGHEST_RATE_BUNDLE = "org.finrec.it.highestrate";

    @Inject
    private BundleContext context;

    @Inject
    private ConfigurationAdmin configurationAdmin;

    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();

    @Configuration
    public Option[] configuration() {
        return OptionUtils.combine(FeatureOptions.of("platform", "core"), streamBundle(TinyBundles.bundle()
                .addClass(HighestRateRecommender.class)
                .addClass(HighestRateActivator.class)
                .activator(HighestRateActivator.class)
                .symbolicName(HIGHEST_RATE_BUNDLE)
                .setHeader(Constants.BUNDLE_MANIFESTVERSION, "2")
                .setHeader(Constants.IMPORT_PACKAGE, "org.finrec.api,org.finrec.api.recommend,org.finrec.api.spi,"
                        + "org.osgi.framework")
                .build(TinyBundles.rawBuilder())));
    }

    @Before
    public void registerBankData() {
        registrations.add(context.registerService(ProductCatalog.class, TestBank.catalog(), null));
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(Dataset.NAME, "test-bank");
        registrations.add(context.registerService(Dataset.class, TestBank.dataset(), properties));
    }

    @After
    public void unregister() {
        registrations.forEach(ServiceRegistration::unregister);
    }

    @Test
    public void stoppingTheConfiguredRecommendersBundleFallsBackWithoutAFailedCall() throws Exception {
        useRecommender(HighestRateRecommender.NAME, 250);
        RecommendationService facade = FacadeIT.facade(context);
        awaitResponse(facade, response -> response.servedBy().equals(HighestRateRecommender.NAME));

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        AtomicInteger emptyResponses = new AtomicInteger();
        AtomicReference<Throwable> firstFailure = new AtomicReference<>();
        ExecutorService callers = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            int thread = t;
            callers.execute(() -> {
                int i = 0;
                while (running.get()) {
                    Customer customer = Customer.builder("caller-" + thread + "-" + i++).age(45).riskTolerance(7)
                            .segment("retail").build();
                    try {
                        if (facade.recommend(RecommendationRequest.builder(customer).k(3).build())
                                .recommendations().isEmpty()) {
                            emptyResponses.incrementAndGet();
                        }
                    } catch (RuntimeException e) {
                        failures.incrementAndGet();
                        firstFailure.compareAndSet(null, e);
                    }
                    calls.incrementAndGet();
                }
            });
        }
        Thread.sleep(300);
        int callsBeforeStop = calls.get();
        bundle(HIGHEST_RATE_BUNDLE).stop();
        Thread.sleep(500);
        running.set(false);
        callers.shutdown();
        assertTrue(callers.awaitTermination(10, TimeUnit.SECONDS));

        assertEquals("failed calls, first: " + firstFailure.get(), 0, failures.get());
        assertEquals(0, emptyResponses.get());
        assertTrue("calls must continue after the stop", calls.get() > callsBeforeStop);
        RecommendationResponse after = facade.recommend(
                RecommendationRequest.builder(TestBank.cautiousCustomer()).k(3).build());
        assertEquals("popularity", after.servedBy());
        assertTrue(after.fallbackReason().orElseThrow().message().contains("not available"));
        assertEquals(3, after.recommendations().size());
    }

    @Test
    public void aRecommenderThatThrowsIsReplacedByTheFallback() throws Exception {
        registrations.add(register(new FailingRecommender("broken") {
            @Override
            public double[] score(RecommendationRequest request, List<Product> candidates) {
                throw new IllegalStateException("model file is corrupt");
            }
        }));
        useRecommender("broken", 250);
        RecommendationService facade = FacadeIT.facade(context);

        RecommendationResponse response = awaitResponse(facade, r -> r.fallbackReason()
                .map(reason -> reason.message().contains("broken failed")).orElse(false));

        assertEquals("popularity", response.servedBy());
        assertEquals(3, response.recommendations().size());
        assertTrue(response.fallbackReason().orElseThrow().message().contains("model file is corrupt"));
    }

    @Test
    public void aRecommenderThatHangsIsAbandonedWithinTheTimeBudget() throws Exception {
        AtomicInteger interrupted = new AtomicInteger();
        registrations.add(register(new FailingRecommender("hanging") {
            @Override
            public double[] score(RecommendationRequest request, List<Product> candidates) {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    interrupted.incrementAndGet();
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException("gave up");
            }
        }));
        useRecommender("hanging", 200);
        RecommendationService facade = FacadeIT.facade(context);
        awaitResponse(facade, r -> r.fallbackReason()
                .map(reason -> reason.message().contains("hanging exceeded its time budget of 200 ms"))
                .orElse(false));

        long started = System.nanoTime();
        RecommendationResponse response = facade.recommend(
                RecommendationRequest.builder(TestBank.cautiousCustomer()).k(3).build());
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;

        assertEquals("popularity", response.servedBy());
        assertEquals(3, response.recommendations().size());
        // budget 200 ms for the hung recommender, then the fallback; far below the 60 s hang
        assertTrue("took " + elapsedMillis + " ms", elapsedMillis < 2_000);
        Thread.sleep(100);
        assertTrue("the hung call must be interrupted", interrupted.get() >= 1);
    }

    private void useRecommender(String name, long budgetMillis) throws Exception {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("recommender", name);
        properties.put("fallback.recommender", "popularity");
        properties.put("time.budget.ms", budgetMillis);
        configurationAdmin.getConfiguration("org.finrec.core.facade", "?").update(properties);
    }

    private ServiceRegistration<Recommender> register(Recommender recommender) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(Recommender.NAME, recommender.name());
        properties.put(Recommender.FAMILY, recommender.family());
        return context.registerService(Recommender.class, recommender, properties);
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        throw new AssertionError("bundle " + symbolicName + " is not installed");
    }

    /** Calls the facade until a response satisfies the condition (configuration changes apply asynchronously). */
    private static RecommendationResponse awaitResponse(RecommendationService facade,
            Predicate<RecommendationResponse> condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        RecommendationResponse response = null;
        while (System.nanoTime() < deadline) {
            response = facade.recommend(RecommendationRequest.builder(TestBank.cautiousCustomer()).k(3).build());
            if (condition.test(response)) {
                return response;
            }
            Thread.sleep(50);
        }
        fail("no matching response within 10 s; last: " + response);
        return response;
    }

    /** A misbehaving recommender: subclasses decide how {@link #score} fails. */
    private abstract static class FailingRecommender implements Recommender {
        private final String name;

        FailingRecommender(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String family() {
            return "test";
        }

        @Override
        public String modelVersion() {
            return "1";
        }

        /** Fails to score, the way the subclass misbehaves. */
        public abstract double[] score(RecommendationRequest request, List<Product> candidates);

        @Override
        public RequestScorer scorer(RecommendationRequest request, ProductCatalog catalog) {
            return new RequestScorer() {
                @Override
                public String modelVersion() {
                    return "1";
                }

                @Override
                public double[] score(int[] candidates) {
                    List<Product> products = new ArrayList<>();
                    for (int candidate : candidates) {
                        products.add(catalog.products().get(candidate));
                    }
                    return FailingRecommender.this.score(request, products);
                }

                @Override
                public Explanation explain(int candidate) {
                    throw new UnsupportedOperationException();
                }
            };
        }
    }
}
