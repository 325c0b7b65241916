package org.finrec.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.finrec.api.Product;
import org.finrec.api.ProductCatalog;
import org.finrec.api.data.Dataset;
import org.finrec.api.data.ProgressListener;
import org.finrec.api.recommend.RecommendationRequest;
import org.finrec.api.recommend.RecommendationResponse;
import org.finrec.api.recommend.RecommendationService;
import org.finrec.api.spi.Recommender;
import org.finrec.data.SyntheticBank;
import org.finrec.runtime.BundleVersions;
import org.finrec.runtime.FinrecRuntime;
import org.osgi.framework.Bundle;

/**
 * Hot swap under load: closed-loop callers keep the facade saturated (the highest request rate the machine
 * sustains) while the popularity recommender's bundle is replaced side by side again and again, with an experiment
 * running; the same callers without swaps, in the same run, are the baseline. Prints requests, failures, empty
 * and fallback responses, throughput and latency percentiles of both phases, and their ratios.
 */
final class HotSwapBenchmark {

    private static final String POPULARITY_BUNDLE = "org.finrec.recommender.popularity";

    private HotSwapBenchmark() {
    }

    /** What the callers saw during one phase. */
    private record Phase(String name, int swaps, double seconds, long requests, long failures, long empty,
            long fallbacks, long[] sortedLatencies) {

        double throughput() {
            return requests / seconds;
        }

        long percentile(double share) {
            return sortedLatencies.length == 0 ? 0
                    : sortedLatencies[Math.min(sortedLatencies.length - 1, (int) (sortedLatencies.length * share))];
        }

        long max() {
            return sortedLatencies.length == 0 ? 0 : sortedLatencies[sortedLatencies.length - 1];
        }
    }

    /** One caller thread's counts and latencies. */
    private static final class Caller implements Runnable {
        private final RecommendationService facade;
        private final Dataset bank;
        private final AtomicBoolean running;
        private final SplittableRandom random;
        long requests;
        long failures;
        long empty;
        long fallbacks;
        long[] latencies = new long[1 << 16];

        Caller(RecommendationService facade, Dataset bank, AtomicBoolean running, long seed) {
            this.facade = facade;
            this.bank = bank;
            this.running = running;
            this.random = new SplittableRandom(seed);
        }

        @Override
        public void run() {
            while (running.get()) {
                RecommendationRequest request = RecommendationRequest.builder(
                        bank.customer(random.nextInt(bank.customerCount()))).k(5).build();
                long started = System.nanoTime();
                try {
                    RecommendationResponse response = facade.recommend(request);
                    empty += response.recommendations().isEmpty() ? 1 : 0;
                    fallbacks += response.isFallback() ? 1 : 0;
                } catch (RuntimeException failure) {
                    failures++;
                }
                if (requests == latencies.length) {
                    latencies = Arrays.copyOf(latencies, latencies.length * 2);
                }
                latencies[(int) requests++] = System.nanoTime() - started;
            }
        }
    }

    static void run(String[] options) throws Exception {
        Path bundles = Path.of("runtime/target/finrec-runtime/bundles");
        int customers = 20_000;
        int swaps = 100;
        int threads = 2 * Runtime.getRuntime().availableProcessors();
        double baselineSeconds = 10;
        String route = "replace";
        for (int i = 0; i + 1 < options.length; i += 2) {
            switch (options[i]) {
                case "--bundles" -> bundles = Path.of(options[i + 1]);
                case "--customers" -> customers = Integer.parseInt(options[i + 1]);
                case "--swaps" -> swaps = Integer.parseInt(options[i + 1]);
                case "--threads" -> threads = Integer.parseInt(options[i + 1]);
                case "--baseline-seconds" -> baselineSeconds = Double.parseDouble(options[i + 1]);
                case "--route" -> route = options[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + options[i]);
            }
        }
        if (!List.of("replace", "deploy", "both").contains(route)) {
            throw new IllegalArgumentException("--route must be replace, deploy or both, got " + route);
        }
        Dataset bank = new SyntheticBank(customers, 17, 42).generate(ProgressListener.NONE);
        try (ScratchFolder scratch = ScratchFolder.create("finrec-swap-benchmark");
                FinrecRuntime runtime = FinrecRuntime.builder().bundleFolder(bundles).storageFolder(scratch.path())
                        .serviceTimeout(Duration.ofSeconds(60)).start()) {
            Path work = scratch.path();
            List<Product> products = new ArrayList<>();
            for (int p = 0; p < bank.productCount(); p++) {
                products.add(bank.product(p));
            }
            runtime.registerService(ProductCatalog.class, ProductCatalog.of(products), Map.of());
            runtime.registerService(Dataset.class, bank, Map.of(Dataset.NAME, bank.name()));
            runtime.configure("org.finrec.core.facade", Map.of("recommender", "popularity",
                    "fallback.recommender", "popularity", "time.budget.ms", 10_000L));
            runtime.configure("org.finrec.recommender.popularity~plain", Map.of("finrec.recommender.name",
                    "popularity-plain", "smoothing", 0.0));
            runtime.configure("org.finrec.experiment~swap-benchmark", Map.of("id", "swap-benchmark",
                    "variants", new String[] {"control:50:(finrec.recommender.name=popularity)",
                        "treatment:50:(finrec.recommender.name=popularity-plain)"}));
            runtime.waitForService(Recommender.class, "(finrec.recommender.name=popularity-plain)",
                    Duration.ofSeconds(60));
            RecommendationService facade = runtime.recommendationService();

            System.out.printf(Locale.ROOT, "%,d customers, %d closed-loop callers on %d cores, %d swaps of %s "
                    + "(route: %s), experiment running%n", customers, threads,
                    Runtime.getRuntime().availableProcessors(), swaps, POPULARITY_BUNDLE, route);
            measure("warm-up", 0, facade, bank, threads, () -> sleep(3));
            double baselineFor = baselineSeconds;
            Phase baseline = measure("no swaps", 0, facade, bank, threads, () -> sleep(baselineFor));
            Path original = installedFile(bundles);
            String buildVersion = installedVersion(runtime);
            List<Long> swapMillis = new ArrayList<>();
            String finalRoute = route;
            int swapCount = swaps;
            Phase swapping = measure("swapping", swaps, facade, bank, threads, () -> {
                for (int n = 1; n <= swapCount; n++) {
                    String version = BundleVersions.swapVersion(buildVersion, n);
                    Path file = work.resolve("popularity-" + version + ".jar");
                    try {
                        BundleVersions.withVersion(original, version, file);
                    } catch (IOException unreadable) {
                        throw new UncheckedIOException(unreadable);
                    }
                    long started = System.nanoTime();
                    boolean deploy = finalRoute.equals("deploy") || finalRoute.equals("both") && n % 2 == 0;
                    if (deploy) {
                        runtime.deploy(file);
                    } else {
                        runtime.replace(file);
                    }
                    swapMillis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
                }
            });
            String served = installedVersion(runtime);

            System.out.println();
            System.out.println("| phase | swaps | seconds | requests | failed | nothing suitable | fallback "
                    + "| requests/s | p50 µs | p99 µs | max ms |");
            System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
            print(baseline);
            print(swapping);
            System.out.printf(Locale.ROOT, "| ratio (swaps / no swaps) | | | | | | | %.2f | %.2f | %.2f | %.2f |%n",
                    swapping.throughput() / baseline.throughput(),
                    (double) swapping.percentile(0.5) / baseline.percentile(0.5),
                    (double) swapping.percentile(0.99) / baseline.percentile(0.99),
                    (double) swapping.max() / baseline.max());
            long[] sortedSwaps = swapMillis.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf(Locale.ROOT, "%nswap duration (install, start, train, switch, drain, remove): "
                    + "p50 %d ms, max %d ms; serving version after the last swap: %s%n",
                    sortedSwaps[sortedSwaps.length / 2], sortedSwaps[sortedSwaps.length - 1], served);
        }
    }

    private static Phase measure(String name, int swaps, RecommendationService facade, Dataset bank, int threads,
            Runnable during) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        List<Caller> callers = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Caller caller = new Caller(facade, bank, running, 1000L + t);
            callers.add(caller);
            futures.add(pool.submit(caller));
        }
        long started = System.nanoTime();
        try {
            during.run();
        } finally {
            running.set(false);
            for (Future<?> future : futures) {
                future.get();
            }
            pool.shutdown();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long requests = 0;
        long failures = 0;
        long empty = 0;
        long fallbacks = 0;
        for (Caller caller : callers) {
            requests += caller.requests;
            failures += caller.failures;
            empty += caller.empty;
            fallbacks += caller.fallbacks;
        }
        long[] latencies = new long[(int) requests];
        int offset = 0;
        for (Caller caller : callers) {
            System.arraycopy(caller.latencies, 0, latencies, offset, (int) caller.requests);
            offset += (int) caller.requests;
        }
        Arrays.sort(latencies);
        return new Phase(name, swaps, seconds, requests, failures, empty, fallbacks, latencies);
    }

    private static void print(Phase phase) {
        System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %,d | %d | %d | %d | %,.0f | %.0f | %.0f | %.1f |%n",
                phase.name(), phase.swaps(), phase.seconds(), phase.requests(), phase.failures(), phase.empty(),
                phase.fallbacks(), phase.throughput(), phase.percentile(0.5) / 1e3, phase.percentile(0.99) / 1e3,
                phase.max() / 1e6);
    }

    private static Path installedFile(Path bundles) throws IOException {
        try (Stream<Path> files = Files.list(bundles)) {
            return files.filter(file -> file.getFileName().toString().startsWith("finrec-recommender-popularity"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no popularity bundle in " + bundles));
        }
    }

    private static String installedVersion(FinrecRuntime runtime) {
        for (Bundle bundle : runtime.bundleContext().getBundles()) {
            if (POPULARITY_BUNDLE.equals(bundle.getSymbolicName()) && bundle.getState() == Bundle.ACTIVE) {
                return bundle.getVersion().toString();
            }
        }
        throw new IllegalStateException(POPULARITY_BUNDLE + " is not active");
    }

    private static void sleep(double seconds) {
        try {
            Thread.sleep((long) (seconds * 1000));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
