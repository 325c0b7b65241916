package org.finrec.samplehost;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.finrec.api.Customer;
import org.finrec.api.data.Dataset;
import org.finrec.api.experiment.ExperimentReport;
import org.finrec.api.experiment.ExperimentService;
import org.finrec.api.experiment.Outcome;
import org.finrec.api.experiment.OutcomeKind;
import org.finrec.api.experiment.OutcomeRejectedException;
import org.finrec.api.experiment.VariantReport;
import org.finrec.api.recommend.Recommendation;
import org.finrec.api.recommend.RecommendationRequest;
import org.finrec.api.recommend.RecommendationResponse;
import org.finrec.api.recommend.RecommendationService;
import org.finrec.api.recommend.RequestContext;
import org.finrec.api.spi.Recommender;
import org.finrec.data.SyntheticBank;
import org.finrec.runtime.BundleVersions;
import org.finrec.runtime.FinrecRuntime;
import org.finrec.runtime.FinrecRuntimeException;
import org.osgi.framework.Bundle;
import org.osgi.framework.Version;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs an A/B experiment inside the embedded runtime under simulated traffic: the facade's popularity recommender
 * (control) against a collaborative-filtering model (treatment) on the synthetic bank, with clicks and purchases
 * drawn from the bank's ground truth ({@link SimulatedCustomers}), the statistics printed as they accumulate, and
 * the collaborative-filtering bundle replaced by a new version halfway through while the traffic continues.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true, description = {
    "Run an A/B experiment on the synthetic bank under simulated traffic, hot-swapping a bundle halfway.",
    "The popularity recommender (control) serves against a collaborative-filtering model (treatment); per-variant "
            + "click-through and conversion rates with 95%% intervals are printed as they accumulate. Halfway "
            + "through, the collaborative-filtering bundle is replaced by a new Bundle-Version while the traffic "
            + "continues; the treatment's model is pinned in a model store, so the new version serves the same model.",
    "Ground truth: the models learn from every month but the last; " + SimulatedCustomers.RULE + ". The last "
            + "quarter of the requests waits for the swap to finish, so that some always follow it.",
    "Exit status 1 if a request failed, the swap failed, or a response after the swap came from the old version."})
final class SimulateCommand implements Callable<Integer> {

    static final String EXPERIMENT = "simulation";
    static final String TREATMENT_NAME = "cf";
    static final String CF_BUNDLE = "org.finrec.recommender.cf";
    private static final String EXPERIMENT_PID = "org.finrec.experiment~" + EXPERIMENT;

    @Option(names = "--customers", defaultValue = "20000",
            description = "Customers in the synthetic bank (default ${DEFAULT-VALUE}).")
    int customers;

    @Option(names = "--months", defaultValue = "17", description = "Monthly snapshots (default ${DEFAULT-VALUE}).")
    int months;

    @Option(names = "--seed", defaultValue = "42",
            description = "Seed of the bank and of the traffic (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--requests", defaultValue = "40000",
            description = "Recommendation requests to send (default ${DEFAULT-VALUE}).")
    int requests;

    @Option(names = "--treatment-share", defaultValue = "50",
            description = "Percent of the customers the treatment serves, 1-99 (default ${DEFAULT-VALUE}).")
    int treatmentShare;

    @Option(names = "--report-every", defaultValue = "10000",
            description = "Print the statistics every this many requests (default ${DEFAULT-VALUE}).")
    int reportEvery;

    @Option(names = "--planned", description = "Impressions per variant planned before the start, after which "
            + "the fixed-horizon p-values are valid (default: 90%% of the smaller variant's expected share).")
    Long planned;

    @Option(names = "--threads", defaultValue = "4",
            description = "Threads sending requests (default ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "-k", defaultValue = "3", description = "Products per response (default ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--algorithm", defaultValue = "ALS",
            description = "Treatment's algorithm: USER_KNN, ITEM_KNN, ALS or BPR (default ${DEFAULT-VALUE}).")
    String algorithm;

    @Option(names = "--bundles", description = "Folder of bundle JARs (default: bundles/ beside the sample host).")
    Path bundles;

    private final PrintStream out = System.out;

    @Override
    public Integer call() throws IOException, InterruptedException {
        validate();
        long started = System.nanoTime();
        ConsoleProgress progress = ConsoleProgress.onStandardError();
        Dataset bank = new SyntheticBank(customers, months, seed).generate(progress);
        progress.finish();
        SimulatedCustomers population = SimulatedCustomers.of(bank);
        Path work = Files.createTempDirectory("finrec-simulate");
        try (EmbeddedFinrec finrec = EmbeddedFinrec.start(EmbeddedFinrec.bundleFolder(bundles), population.train())) {
            FinrecRuntime runtime = finrec.runtime();
            long training = System.nanoTime();
            String modelVersion = trainTreatment(runtime, population.train(), work.resolve("models"));
            double trainSeconds = (System.nanoTime() - training) / 1e9;
            long plannedImpressions = planned != null ? planned
                    : (long) (0.9 * requests * Math.min(treatmentShare, 100 - treatmentShare) / 100);
            ExperimentService experiments = startExperiment(runtime, plannedImpressions);

            out.printf(Locale.ROOT, "Finrec A/B simulation on the synthetic bank: %,d customers, %d months, seed %d; "
                    + "runtime started in %,d ms%n", customers, months, seed, runtime.startupTime().toMillis());
            out.printf(Locale.ROOT, "  ground truth: the models learn months 1-%d; %,d customers (%.1f%%) add a "
                    + "product in month %d, and%n    " + SimulatedCustomers.RULE + "%n", months - 1,
                    population.adders(), 100.0 * population.adders() / customers, months);
            out.printf(Locale.ROOT, "  experiment '%s': control = popularity (the facade's default) for %d%% of "
                    + "the customers, treatment = %s for %d%%:%n    %s trained in %.1f s, model %s pinned in the model "
                    + "store; planned sample %,d impressions per variant%n", EXPERIMENT, 100 - treatmentShare,
                    TREATMENT_NAME, treatmentShare, algorithm, trainSeconds, modelVersion, plannedImpressions);
            out.printf(Locale.ROOT, "  traffic: %,d requests of %d products from %d threads, random customers; the "
                    + "%s%n    bundle is hot-swapped to a new version at request %,d%n", requests, k, threads,
                    CF_BUNDLE, requests / 2);
            out.printf(Locale.ROOT, "  peeking: until the planned sample is reached, act on the always-valid p only; "
                    + "the fixed-horizon p%n    is shown for reference (acting on it early inflates false wins)%n%n");
            out.print(ExperimentTable.HEADER);

            Traffic traffic = new Traffic(runtime.recommendationService(), experiments, population);
            long trafficStarted = System.nanoTime();
            Swap swap = traffic.run(runtime, work);
            double trafficSeconds = (System.nanoTime() - trafficStarted) / 1e9;
            ExperimentReport last = traffic.awaitReport(traffic.served());
            out.print(traffic.block(requests, last));
            out.println();
            summarise(traffic, swap, last, trafficSeconds);
            out.printf(Locale.ROOT, "Run time %.1f s (traffic %.1f s)%n", (System.nanoTime() - started) / 1e9,
                    trafficSeconds);
            boolean clean = traffic.failures.get() == 0 && swap.failure() == null && swap.afterResponses() > 0
                    && swap.afterFromNew() == swap.afterResponses();
            return clean ? 0 : 1;
        } finally {
            deleteRecursively(work);
        }
    }

    private void validate() {
        if (treatmentShare < 1 || treatmentShare > 99) {
            throw new IllegalArgumentException("--treatment-share must be 1-99, got " + treatmentShare);
        }
        if (months < 2) {
            throw new IllegalArgumentException("--months must be at least 2 (the last is the ground truth), got "
                    + months);
        }
        if (requests < 100) {
            throw new IllegalArgumentException("--requests must be at least 100, got " + requests);
        }
        if (threads < 1 || reportEvery < 1 || k < 1) {
            throw new IllegalArgumentException("--threads, --report-every and -k must be at least 1");
        }
        algorithm = algorithm.toUpperCase(Locale.ROOT);
        if (!Contenders.CF_PIDS.containsKey(algorithm)) {
            throw new IllegalArgumentException("--algorithm must be one of " + new TreeSet<>(Contenders.CF_PIDS.keySet())
                    + ", got " + algorithm);
        }
    }

    /**
     * Creates the treatment's recommender from a factory configuration, as a bank would, waits for it to train,
     * and pins the model it saved to the model store, so that a new version of the bundle loads the same model
     * instead of training again: the hot swap then changes the code, never the treatment.
     *
     * @return the pinned model version
     */
    private String trainTreatment(FinrecRuntime runtime, Dataset train, Path modelStore) {
        String factoryPid = Contenders.CF_PIDS.get(algorithm); // the algorithm's factory PID
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("dataset.target", "(" + Dataset.NAME + "=" + train.name() + ")");
        properties.put("model.store", modelStore.toString());
        String modelVersion = runtime.createRecommender(factoryPid, TREATMENT_NAME, properties,
                Duration.ofMinutes(10)).modelVersion();
        properties.put(Recommender.NAME, TREATMENT_NAME);
        properties.put("model.version", modelVersion);
        runtime.configure(factoryPid + "~" + TREATMENT_NAME, properties);
        return modelVersion;
    }

    /** Configures the experiment and waits until the experiment service runs it. */
    private ExperimentService startExperiment(FinrecRuntime runtime, long plannedImpressions)
            throws InterruptedException {
        ExperimentService experiments = runtime.waitForService(ExperimentService.class, null, Duration.ofSeconds(30));
        runtime.configure(EXPERIMENT_PID, Map.of(
                "id", EXPERIMENT,
                "variants", new String[] {
                    "control:" + (100 - treatmentShare) + ":(" + Recommender.NAME + "=popularity)",
                    "treatment:" + treatmentShare + ":(" + Recommender.NAME + "=" + TREATMENT_NAME + ")"},
                "planned.impressions", plannedImpressions));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (experiments.report(EXPERIMENT).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("experiment " + EXPERIMENT + " did not start within 30 s");
            }
            Thread.sleep(10);
        }
        return experiments;
    }

    /**
     * What the hot swap did: its duration, the traffic during it, and the treatment responses sent after it (and
     * how many of those the new version scored); {@code failure} is null when it succeeded.
     */
    record Swap(String from, String to, long millis, long requestsDuring, long failuresDuring, long fallbacksDuring,
            long afterResponses, long afterFromNew, String failure) {
    }

    private void summarise(Traffic traffic, Swap swap, ExperimentReport report, double trafficSeconds) {
        long[] latencies = Arrays.copyOf(traffic.latencyNanos, requests);
        Arrays.sort(latencies);
        out.printf(Locale.ROOT, "Totals: %,d requests in %.1f s (%,.0f/s, latency p50 %.1f ms, p99 %.1f ms), %,d "
                + "failed, %,d completed by the fallback%n", requests, trafficSeconds, requests / trafficSeconds,
                latencies[requests / 2] / 1e6, latencies[(int) (requests * 0.99)] / 1e6, traffic.failures.get(),
                traffic.fallbacks.get());
        out.printf(Locale.ROOT, "  outcomes recorded durably: %,d clicks, %,d purchases, %,d rejected; the experiment "
                + "service counted %,d impressions%n", traffic.clicks.get(), traffic.purchases.get(),
                traffic.rejected.get(), report.variants().stream().mapToLong(VariantReport::impressions).sum());
        out.printf(Locale.ROOT, "  fallbacks by variant: %s%s%n", report.variants().stream()
                .map(variant -> String.format(Locale.ROOT, "%s %,d", variant.name(), variant.fallbacks()))
                .collect(Collectors.joining(", ")), traffic.firstFallback.get() == null ? ""
                        : " (first: " + traffic.firstFallback.get() + ")");
        if (traffic.firstFailure.get() != null) {
            out.println("  first failure: " + traffic.firstFailure.get());
        }
        if (swap.failure() != null) {
            out.println("Hot swap FAILED, the old version kept serving: " + swap.failure());
        } else {
            out.printf(Locale.ROOT, "Hot swap: %,d ms, %,d requests during it, %,d failed; after it %,d of %,d "
                    + "treatment responses came from %s%n", swap.millis(), swap.requestsDuring(),
                    swap.failuresDuring(), swap.afterFromNew(), swap.afterResponses(), swap.to());
        }
        out.println("Verdict: " + ExperimentTable.verdict(report, "treatment"));
    }

    /** The simulated traffic: threads sending requests and reporting outcomes, and the hot swap halfway. */
    private final class Traffic {

        private final RecommendationService facade;
        private final ExperimentService experiments;
        private final SimulatedCustomers population;
        private final Dataset train;
        private final AtomicLong next = new AtomicLong();
        private final AtomicLong completed = new AtomicLong();
        private final AtomicLong failures = new AtomicLong();
        private final AtomicLong fallbacks = new AtomicLong();
        private final AtomicLong clicks = new AtomicLong();
        private final AtomicLong purchases = new AtomicLong();
        private final AtomicLong rejected = new AtomicLong();
        private final AtomicLong afterSwap = new AtomicLong();
        private final AtomicLong afterSwapFromNew = new AtomicLong();
        private final AtomicReference<String> firstFailure = new AtomicReference<>();
        private final AtomicReference<String> firstFallback = new AtomicReference<>();
        private final long[] latencyNanos = new long[requests];
        private final CountDownLatch halfway = new CountDownLatch(1);
        private final CountDownLatch swapDone = new CountDownLatch(1);
        /** The new version as recommendations name it, set once the swap has returned. */
        private volatile String swappedIn;
        private final long started = System.nanoTime();

        Traffic(RecommendationService facade, ExperimentService experiments, SimulatedCustomers population) {
            this.facade = facade;
            this.experiments = experiments;
            this.population = population;
            this.train = population.train();
        }

        /** Sends every request from the threads, swaps the bundle halfway, and returns when all are answered. */
        Swap run(FinrecRuntime runtime, Path work) throws IOException, InterruptedException {
            Bundle current = Arrays.stream(runtime.bundleContext().getBundles())
                    .filter(bundle -> CF_BUNDLE.equals(bundle.getSymbolicName())).findFirst()
                    .orElseThrow(() -> new IllegalStateException(CF_BUNDLE + " is not installed"));
            Version from = current.getVersion();
            Version to = new Version(from.getMajor(), from.getMinor(), from.getMicro() + 1, "hotswap");
            Path newVersion = BundleVersions.withVersion(Path.of(URI.create(current.getLocation())), to.toString(),
                    work.resolve(CF_BUNDLE + "-" + to + ".jar"));
            ExecutorService senders = Executors.newFixedThreadPool(threads);
            for (int t = 0; t < threads; t++) {
                senders.execute(this::send);
            }
            Swap swap;
            try {
                halfway.await();
                swap = swap(runtime, CF_BUNDLE + "/" + from, newVersion, to);
            } finally {
                swapDone.countDown();
                senders.shutdown();
                senders.awaitTermination(10, TimeUnit.MINUTES);
            }
            return new Swap(swap.from(), swap.to(), swap.millis(), swap.requestsDuring(), swap.failuresDuring(),
                    swap.fallbacksDuring(), afterSwap.get(), afterSwapFromNew.get(), swap.failure());
        }

        /** Replaces the bundle with the prepared new version while the senders keep going. */
        private Swap swap(FinrecRuntime runtime, String from, Path file, Version to) {
            long requestsBefore = completed.get();
            long failuresBefore = failures.get();
            long fallbacksBefore = fallbacks.get();
            long swapStarted = System.nanoTime();
            String failure = null;
            try {
                Bundle replacement = runtime.replace(file);
                swappedIn = replacement.getSymbolicName() + "/" + replacement.getVersion();
            } catch (FinrecRuntimeException e) {
                failure = e.getMessage();
            }
            long millis = (System.nanoTime() - swapStarted) / 1_000_000;
            Swap swap = new Swap(from, CF_BUNDLE + "/" + to, millis, completed.get() - requestsBefore,
                    failures.get() - failuresBefore, fallbacks.get() - fallbacksBefore, 0, 0, failure);
            out.printf(Locale.ROOT, "hot swap %s -> %s %s: %,d ms under traffic, %,d requests meanwhile, %,d "
                    + "failed%n", swap.from(), to, failure == null ? "done" : "FAILED", millis, swap.requestsDuring(),
                    swap.failuresDuring());
            return swap;
        }

        private void send() {
            long swapAt = requests / 2;
            long holdFrom = 3L * requests / 4;
            for (long n = next.getAndIncrement(); n < requests; n = next.getAndIncrement()) {
                if (n == swapAt) {
                    halfway.countDown();
                } else if (n >= holdFrom) {
                    awaitSwap();
                }
                SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + n);
                int index = random.nextInt(train.customerCount());
                Customer customer = train.customer(index);
                String newVersion = swappedIn;
                RecommendationRequest request = RecommendationRequest.builder(customer).requestId("sim-" + n).k(k)
                        .context(RequestContext.of(customer.preferredChannel().orElse("online"), "simulation"))
                        .build();
                long sent = System.nanoTime();
                try {
                    RecommendationResponse response = facade.recommend(request);
                    latencyNanos[(int) n] = System.nanoTime() - sent;
                    if (response.isFallback()) {
                        fallbacks.incrementAndGet();
                        firstFallback.compareAndSet(null, response.fallbackReason().orElseThrow().message());
                    }
                    if (newVersion != null) {
                        checkVersion(response, newVersion);
                    }
                    for (Outcome outcome : population.react(index, response, random)) {
                        record(outcome);
                    }
                } catch (RuntimeException failure) {
                    latencyNanos[(int) n] = System.nanoTime() - sent;
                    failures.incrementAndGet();
                    firstFailure.compareAndSet(null, failure.toString());
                }
                long done = completed.incrementAndGet();
                if (done % reportEvery == 0 && done < requests) {
                    out.print(block(done, experiments.report(EXPERIMENT).orElseThrow()));
                }
            }
        }

        private void awaitSwap() {
            try {
                swapDone.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** Counts a treatment response sent after the swap, and whether the new version scored it. */
        private void checkVersion(RecommendationResponse response, String newVersion) {
            List<String> scoredBy = response.recommendations().stream()
                    .filter(recommendation -> recommendation.recommender().equals(TREATMENT_NAME))
                    .map(Recommendation::recommenderBundle).distinct().toList();
            if (!scoredBy.isEmpty()) {
                afterSwap.incrementAndGet();
                if (scoredBy.equals(List.of(newVersion))) {
                    afterSwapFromNew.incrementAndGet();
                }
            }
        }

        private void record(Outcome outcome) {
            try {
                experiments.recordOutcome(outcome);
                (outcome.kind() == OutcomeKind.CLICK ? clicks : purchases).incrementAndGet();
            } catch (OutcomeRejectedException rejection) {
                rejected.incrementAndGet();
                firstFailure.compareAndSet(null, rejection.getMessage());
            }
        }

        /** The responses served, each of which the experiment service counts as an impression. */
        long served() {
            return requests - failures.get();
        }

        /** The report once the experiment service has counted the given impressions (at most 30 s later). */
        ExperimentReport awaitReport(long impressions) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            ExperimentReport report = experiments.report(EXPERIMENT).orElseThrow();
            while (report.variants().stream().mapToLong(VariantReport::impressions).sum() < impressions
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
                report = experiments.report(EXPERIMENT).orElseThrow();
            }
            return report;
        }

        /** One block of the table: a line naming the point in the traffic, then the variants' rows. */
        String block(long done, ExperimentReport report) {
            return String.format(Locale.ROOT, "after %,d requests, %.1f s%s%n", done,
                    (System.nanoTime() - started) / 1e9, report.plannedSampleReached()
                            ? " (planned sample reached: the fixed-horizon p is valid)" : "")
                    + ExperimentTable.rows(report);
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        }
    }
}
