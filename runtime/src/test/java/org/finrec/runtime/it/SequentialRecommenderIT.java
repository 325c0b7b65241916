package org.finrec.runtime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.finrec.api.Customer;
import org.finrec.api.Interaction;
import org.finrec.api.InteractionKind;
import org.finrec.api.Product;
import org.finrec.api.ProductCatalog;
import org.finrec.api.data.Dataset;
import org.finrec.api.inference.InferenceRuntime;
import org.finrec.api.recommend.Reason;
import org.finrec.api.recommend.ReasonCodes;
import org.finrec.api.recommend.Recommendation;
import org.finrec.api.recommend.RecommendationRequest;
import org.finrec.api.recommend.RecommendationResponse;
import org.finrec.api.recommend.RecommendationService;
import org.finrec.api.spi.Recommender;
import org.finrec.runtime.BundleVersions;
import org.finrec.runtime.FinrecRuntime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;

/**
 * The sequential recommender in Felix with the inference bundle, as a host runs it: it trains on the bank's event
 * sequences, serves the next product of a customer's journey through the facade from session events alone, with
 * explanations whose contributions add up to the served score; a bad setting is refused while its model keeps
 * serving; and its bundle is replaced, removed and installed again under load, with the inference bundle running,
 * without one failed request. One test in its own JVM (Failsafe forks per class): DJL loads its natives once.
 */
class SequentialRecommenderIT {

    private static final Path BUNDLES = Path.of(System.getProperty("finrec.bundles", "target/finrec-runtime/bundles"));
    private static final String BUNDLE = "org.finrec.recommender.sequential";
    private static final String NAME = "journey";
    private static final String PID = "org.finrec.recommender.sequential~" + NAME;

    /** The bank's journey: every customer takes the products in this order, starting anywhere in it. */
    private static final List<String> JOURNEY = TestBank.PRODUCTS.stream().map(Product::id).toList();

    @TempDir
    Path work;

    @Test
    void trainsServesExplainsRefusesABadSettingAndIsReplacedRemovedAndReinstalledUnderLoad() throws Exception {
        Map<String, Object> settings = Map.ofEntries(Map.entry(Recommender.NAME, NAME),
                Map.entry("dataset.target", "(" + Dataset.NAME + "=journeys)"),
                Map.entry("model.store", work.resolve("models").toString()), Map.entry("width", 16),
                Map.entry("layers", 1), Map.entry("dropout", 0.1), Map.entry("epochs", 40),
                Map.entry("learning.rate", 0.01), Map.entry("warmup.steps", 0), Map.entry("patience", 40),
                Map.entry("batch.size", 64));
        try (FinrecRuntime runtime = FinrecRuntime.builder().bundleFolder(BUNDLES).mavenRepositoryFallback(false)
                .storageFolder(work.resolve("storage")).feature("platform").feature("core").feature("inference")
                .feature("sequential").serviceTimeout(Duration.ofMinutes(3)).start()) {
            runtime.registerService(ProductCatalog.class, TestBank.catalog(), Map.of());
            runtime.registerService(Dataset.class, journeys(), Map.of(Dataset.NAME, "journeys"));
            runtime.waitForService(Recommender.class, "(" + Recommender.NAME + "=popularity)", Duration.ofMinutes(1));

            Recommender journey = runtime.createRecommender("org.finrec.recommender.sequential", NAME,
                    settings, Duration.ofMinutes(3));
            String trained = journey.modelVersion();
            assertEquals(Recommender.FAMILY_SEQUENTIAL, journey.family());
            runtime.configure("org.finrec.core.facade", Map.of("recommender", NAME,
                    "fallback.recommender", "popularity", "time.budget.ms", 10_000L));
            RecommendationService facade = runtime.recommendationService();
            awaitServedBy(facade, NAME);

            servesTheNextProductOfTheJourneyWithExplanationsThatAddUp(facade, trained);

            // a careless operator: a width that the heads do not divide; refused, the trained model keeps serving
            Map<String, Object> bad = new java.util.HashMap<>(settings);
            bad.put("width", 60);
            bad.put("heads", 8);
            runtime.configure(PID, bad);
            Thread.sleep(2_000);
            RecommendationResponse afterRefusal = facade.recommend(session("current", "savings"));
            assertEquals(NAME, afterRefusal.servedBy());
            assertEquals(trained, afterRefusal.recommendations().get(0).modelVersion(),
                    "the refused setting changed nothing");
            runtime.configure(PID, settings);

            Load load = new Load(facade);
            try {
                Path jar = sequentialBundle();
                String buildVersion;
                try (JarFile file = new JarFile(jar.toFile())) {
                    buildVersion = file.getManifest().getMainAttributes().getValue("Bundle-Version");
                }
                Path next = BundleVersions.withVersion(jar, BundleVersions.swapVersion(buildVersion, 1),
                        work.resolve("sequential-next.jar"));
                load.awaitMoreCalls();
                Bundle replacement = runtime.replace(next);
                load.awaitMoreCalls();
                RecommendationResponse replaced = facade.recommend(session("current", "savings"));
                assertEquals(NAME, replaced.servedBy());
                assertEquals(BUNDLE + "/" + replacement.getVersion(),
                        replaced.recommendations().get(0).recommenderBundle(), "the new version serves");
                assertEquals(trained, replaced.recommendations().get(0).modelVersion(),
                        "the same settings on the same data train the same model");

                assertEquals(1, runtime.uninstall(BUNDLE));
                load.awaitMoreCalls();
                RecommendationResponse removed = facade.recommend(session("current", "savings"));
                assertTrue(removed.isFallback(), "without the bundle, the fallback serves");
                assertEquals("popularity", removed.servedBy());
                assertFalse(runtime.waitForService(InferenceRuntime.class, null, Duration.ofSeconds(5))
                        .engines().isEmpty(), "the inference bundle keeps running");

                runtime.install(next);
                awaitServedBy(facade, NAME);
                load.awaitMoreCalls();
            } finally {
                load.stop();
            }
            assertEquals(List.of(), List.copyOf(load.failures), "no request failed");
            assertTrue(load.calls.get() > 0);
            servesTheNextProductOfTheJourneyWithExplanationsThatAddUp(facade, trained);
        }
    }

    private static void servesTheNextProductOfTheJourneyWithExplanationsThatAddUp(RecommendationService facade,
            String modelVersion) {
        for (int start = 0; start + 2 < JOURNEY.size(); start++) {
            RecommendationResponse response = facade.recommend(session(JOURNEY.get(start), JOURNEY.get(start + 1)));
            assertEquals(NAME, response.servedBy());
            assertFalse(response.isFallback());
            Recommendation first = response.recommendations().get(0);
            assertEquals(JOURNEY.get(start + 2), first.product().id(),
                    "after " + JOURNEY.get(start) + " and " + JOURNEY.get(start + 1) + ": " + response);
            for (Recommendation recommendation : response.recommendations()) {
                assertEquals(modelVersion, recommendation.modelVersion());
                List<Reason> reasons = recommendation.reasons();
                assertTrue(reasons.stream().anyMatch(reason -> reason.code().equals(ReasonCodes.SEQUENCE_NEXT)),
                        reasons.toString());
                double total = reasons.stream().mapToDouble(Reason::contribution).sum();
                assertEquals(recommendation.score(), total, 1e-4 * Math.max(1, Math.abs(total)),
                        "the contributions add up to the served score: " + reasons);
            }
            String named = TestBank.PRODUCTS.get(start + 1).name();
            assertTrue(first.reasons().stream().anyMatch(reason -> reason.message().contains(named)),
                    "an explanation names the events it rests on: " + first.reasons());
        }
    }

    /** A new customer, unknown to the model, who looked at these products in this session. */
    private static RecommendationRequest session(String... viewed) {
        Customer visitor = Customer.builder("visitor-" + String.join("-", viewed)).age(24).riskTolerance(7)
                .segment("retail").build();
        List<Interaction> events = new ArrayList<>();
        Instant at = Instant.now().minusSeconds(600);
        for (String product : viewed) {
            events.add(Interaction.of(visitor.id(), product, InteractionKind.VIEW, at));
            at = at.plusSeconds(60);
        }
        return RecommendationRequest.builder(visitor).k(3).recentEvents(events).build();
    }

    /** 300 customers, each taking three to seven products of the journey in order, a week apart. */
    private static Dataset journeys() {
        List<Customer> customers = new ArrayList<>();
        List<Interaction> events = new ArrayList<>();
        for (int c = 0; c < 300; c++) {
            String id = "J" + c;
            customers.add(Customer.builder(id).age(20 + c % 50).riskTolerance(1 + c % 7).build());
            int start = (c * 5) % JOURNEY.size();
            int length = 3 + c % 5;
            for (int e = 0; e < length; e++) {
                events.add(Interaction.of(id, JOURNEY.get((start + e) % JOURNEY.size()), InteractionKind.PURCHASE,
                        Instant.parse("2026-01-01T00:00:00Z").plus(Duration.ofDays(7L * e + c % 3))));
            }
        }
        return Dataset.of("journeys", customers, TestBank.PRODUCTS, events);
    }

    private static Path sequentialBundle() throws java.io.IOException {
        try (Stream<Path> files = Files.list(BUNDLES)) {
            return files.filter(file -> file.getFileName().toString().startsWith("finrec-recommender-sequential"))
                    .findFirst().orElseThrow();
        }
    }

    private static void awaitServedBy(RecommendationService facade, String name) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (!facade.recommend(session("current", "savings")).servedBy().equals(name)) {
            assertTrue(System.nanoTime() < deadline, "the facade does not serve " + name);
            Thread.sleep(50);
        }
    }

    /** Four threads that call the facade without pause and keep every failure: an exception or an empty answer. */
    private static final class Load {
        final AtomicLong calls = new AtomicLong();
        final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final ExecutorService threads = Executors.newFixedThreadPool(4);

        Load(RecommendationService facade) {
            for (int t = 0; t < 4; t++) {
                int offset = t;
                threads.execute(() -> {
                    long i = 0;
                    while (running.get()) {
                        int start = (int) ((i++ + offset) % (JOURNEY.size() - 1));
                        try {
                            if (facade.recommend(session(JOURNEY.get(start), JOURNEY.get(start + 1)))
                                    .recommendations().isEmpty()) {
                                failures.add("an empty answer");
                            }
                        } catch (RuntimeException e) {
                            failures.add(e.toString());
                        }
                        calls.incrementAndGet();
                    }
                });
            }
        }

        void awaitMoreCalls() throws InterruptedException {
            long before = calls.get();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (calls.get() < before + 20) {
                assertTrue(System.nanoTime() < deadline, "the load makes no progress");
                Thread.sleep(10);
            }
        }

        void stop() throws InterruptedException {
            running.set(false);
            threads.shutdown();
            assertTrue(threads.awaitTermination(30, TimeUnit.SECONDS));
        }
    }
}
