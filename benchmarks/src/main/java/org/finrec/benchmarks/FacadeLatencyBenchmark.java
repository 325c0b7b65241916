package org.finrec.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.finrec.api.Product;
import org.finrec.api.ProductCatalog;
import org.finrec.api.data.Dataset;
import org.finrec.api.data.ProgressListener;
import org.finrec.api.recommend.RecommendationRequest;
import org.finrec.api.recommend.RecommendationService;
import org.finrec.api.recommend.RequestContext;
import org.finrec.api.spi.Recommender;
import org.finrec.data.SyntheticBank;
import org.finrec.runtime.FinrecRuntime;
import org.osgi.framework.ServiceRegistration;

/**
 * Training time, heap and the latency of {@code RecommendationService.recommend} through the whole facade
 * (candidates, suitability, scoring, top-k, explanations) for each collaborative-filtering algorithm and content
 * recommender on the synthetic bank, against popularity measured in the same run as the baseline. The subject
 * {@code content-match-intent} sends every request with a free-text intent (it needs the inference feature).
 */
final class FacadeLatencyBenchmark {

    private static final List<String> ALGORITHMS = List.of("USER_KNN", "ITEM_KNN", "ALS", "BPR");

    /** Where this process's resident memory (heap and native) is reported, on Linux. */
    private static final Path PROCESS_STATUS = Path.of("/proc/self/status");

    /** A recommender to measure: its factory configuration, and whether requests carry an intent. */
    private record Subject(String name, String factoryPid, Map<String, Object> properties, boolean intents) {

        static Subject of(String option, int sequentialEpochs) {
            switch (option.toLowerCase(Locale.ROOT)) {
                case "content-naive-bayes":
                    return new Subject("content-naive-bayes", "org.finrec.recommender.content", Map.of(), false);
                case "content-match":
                    return new Subject("content-match", "org.finrec.recommender.content.match", Map.of(), false);
                case "content-match-intent":
                    return new Subject("content-match-intent", "org.finrec.recommender.content.match", Map.of(),
                            true);
                case "sequential":
                    // the features must include inference and sequential
                    return new Subject("sequential", "org.finrec.recommender.sequential",
                            Map.of("epochs", sequentialEpochs), false);
                default:
                    String algorithm = option.toUpperCase(Locale.ROOT);
                    if (!ALGORITHMS.contains(algorithm)) {
                        throw new IllegalArgumentException("unknown recommender " + option + "; the algorithms are "
                                + ALGORITHMS);
                    }
                    // one component per algorithm (org.finrec.recommender.cf.userknn, ...), trained on every core
                    boolean threaded = algorithm.equals("ITEM_KNN") || algorithm.equals("ALS");
                    return new Subject(option.toLowerCase(Locale.ROOT), "org.finrec.recommender.cf."
                            + algorithm.replace("_", "").toLowerCase(Locale.ROOT), threaded ? Map.of("threads",
                            Math.min(256, Runtime.getRuntime().availableProcessors())) : Map.of(), false);
            }
        }
    }

    /** What customers type or say, one per request in turn. */
    private static final List<String> INTENTS = List.of("saving for my daughter's university",
            "a loan to buy a new car", "I want to put money aside for retirement", "a credit card for travelling",
            "somewhere safe to keep my savings for a year", "invest in the stock market for growth");

    private FacadeLatencyBenchmark() {
    }

    static void run(String[] options) {
        List<Integer> sizes = List.of(10_000, 100_000, 1_000_000);
        Path bundles = Path.of("runtime/target/finrec-runtime/bundles");
        int requests = 20_000;
        List<String> algorithms = ALGORITHMS;
        List<String> features = FinrecRuntime.DEFAULT_FEATURES;
        int sequentialEpochs = 20;
        for (int i = 0; i + 1 < options.length; i += 2) {
            switch (options[i]) {
                case "--customers":
                    sizes = Arrays.stream(options[i + 1].split(",")).map(Integer::valueOf).toList();
                    break;
                case "--bundles":
                    bundles = Path.of(options[i + 1]);
                    break;
                case "--requests":
                    requests = Integer.parseInt(options[i + 1]);
                    break;
                case "--algorithms":
                    algorithms = List.of(options[i + 1].split(","));
                    break;
                case "--features":
                    features = List.of(options[i + 1].split(","));
                    break;
                case "--sequential-epochs":
                    sequentialEpochs = Integer.parseInt(options[i + 1]);
                    break;
                default:
                    throw new IllegalArgumentException("unknown option " + options[i]);
            }
        }
        System.out.println("| customers | recommender | train s | heap MB | resident MB | p50 µs | p99 µs "
                + "| p99 / popularity p99 |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (int customers : sizes) {
            Dataset bank = new SyntheticBank(customers, 17, 42).generate(ProgressListener.NONE);
            FinrecRuntime.Builder builder = FinrecRuntime.builder().bundleFolder(bundles);
            features.forEach(builder::feature);
            try (FinrecRuntime runtime = builder.start()) {
                List<Product> products = new ArrayList<>();
                for (int p = 0; p < bank.productCount(); p++) {
                    products.add(bank.product(p));
                }
                runtime.registerService(ProductCatalog.class, ProductCatalog.of(products), Map.of());
                ServiceRegistration<Dataset> data = runtime.registerService(Dataset.class, bank,
                        Map.of(Dataset.NAME, bank.name()));
                Measurement popularity = measure(runtime, bank, null, requests);
                print(customers, popularity, popularity);
                for (String algorithm : algorithms) {
                    print(customers, measure(runtime, bank, Subject.of(algorithm, sequentialEpochs), requests),
                            popularity);
                }
                data.unregister();
            }
        }
    }

    /**
     * One subject's figures; {@code residentBytes} is the growth of the process's resident memory while it trained
     * and served, which includes native memory such as a PyTorch model's (negative or -1 when not measurable).
     */
    private record Measurement(String name, double trainSeconds, long heapBytes, long residentBytes, long p50Nanos,
            long p99Nanos) {
    }

    /** Measures one subject, or popularity when it is null. */
    private static Measurement measure(FinrecRuntime runtime, Dataset bank, Subject subject, int requests) {
        String name = subject == null ? "popularity" : subject.name();
        boolean intents = subject != null && subject.intents();
        long heapBefore = usedHeap();
        long residentBefore = residentBytes();
        long started = System.nanoTime();
        if (subject != null) {
            runtime.createRecommender(subject.factoryPid(), name, subject.properties(), Duration.ofMinutes(30));
        } else {
            runtime.waitForService(Recommender.class, "(finrec.recommender.name=" + name + ")",
                    Duration.ofMinutes(30));
        }
        double trainSeconds = subject == null ? Double.NaN : (System.nanoTime() - started) / 1e9;
        long heap = usedHeap() - heapBefore;
        long resident = residentBefore < 0 ? -1 : residentBytes() - residentBefore;
        runtime.configure("org.finrec.core.facade", Map.of("recommender", name, "fallback.recommender",
                "popularity", "time.budget.ms", 10_000L));
        RecommendationService facade = runtime.recommendationService();
        SplittableRandom random = new SplittableRandom(7);
        // warm up, and wait until the facade serves with the new configuration
        for (int i = 0; i < Math.min(2_000, requests); i++) {
            facade.recommend(request(bank, random, intents));
        }
        long[] latencies = new long[requests];
        for (int i = 0; i < requests; i++) {
            RecommendationRequest request = request(bank, random, intents);
            long t0 = System.nanoTime();
            facade.recommend(request);
            latencies[i] = System.nanoTime() - t0;
        }
        Arrays.sort(latencies);
        if (subject != null) {
            runtime.deleteConfiguration(subject.factoryPid() + "~" + name);
        }
        return new Measurement(name, trainSeconds, heap, resident, latencies[requests / 2],
                latencies[(int) (requests * 0.99)]);
    }

    private static RecommendationRequest request(Dataset bank, SplittableRandom random, boolean intent) {
        RecommendationRequest.Builder request = RecommendationRequest.builder(
                bank.customer(random.nextInt(bank.customerCount()))).k(5);
        if (intent) {
            request.context(RequestContext.EMPTY.withAttribute(RequestContext.INTENT,
                    INTENTS.get(random.nextInt(INTENTS.size()))));
        }
        return request.build();
    }

    private static void print(int customers, Measurement measurement, Measurement baseline) {
        System.out.printf(Locale.ROOT, "| %,d | %s | %s | %,d | %s | %.0f | %.0f | %.2f |%n", customers,
                measurement.name(), Double.isNaN(measurement.trainSeconds()) ? "-" : String.format(Locale.ROOT,
                        "%.2f", measurement.trainSeconds()), measurement.heapBytes() >> 20,
                measurement.residentBytes() < 0 ? "-" : String.format(Locale.ROOT, "%,d",
                        measurement.residentBytes() >> 20), measurement.p50Nanos() / 1e3,
                measurement.p99Nanos() / 1e3, (double) measurement.p99Nanos() / baseline.p99Nanos());
    }

    /** The process's resident set size from {@code /proc/self/status}, or -1 where there is none. */
    private static long residentBytes() {
        try {
            for (String line : Files.readAllLines(PROCESS_STATUS)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
            return -1;
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
