package org.finrec.samplehost;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.finrec.api.data.Dataset;
import org.finrec.api.data.ProgressListener;
import org.finrec.api.spi.Recommender;
import org.finrec.eval.EvaluationResult;
import org.finrec.eval.Evaluator;
import org.finrec.eval.Leaderboard;
import org.finrec.eval.PropensityResult;
import org.finrec.eval.PropensityTask;
import org.finrec.eval.RankingMetric;
import org.finrec.eval.Split;
import org.finrec.runtime.FinrecRuntime;
import org.osgi.framework.ServiceRegistration;

/**
 * Evaluates recommenders the way they run in production: the split's training data is registered as a
 * {@link Dataset} service, each candidate recommender is created in the running framework by a factory
 * configuration that targets it, trains as its component activates, and is then evaluated on the test cases.
 */
final class EvaluationHarness {

    /** A recommender to evaluate: the factory PID of its component and the configuration that defines it. */
    record Candidate(String name, String factoryPid, Map<String, Object> properties) {

        /** The PID of the candidate's factory configuration. */
        String pid() {
            return factoryPid + "~" + name;
        }
    }

    static final List<RankingMetric> METRICS = List.of(RankingMetric.PRECISION, RankingMetric.RECALL,
            RankingMetric.F1, RankingMetric.NDCG, RankingMetric.MAP, RankingMetric.HIT_RATE, RankingMetric.MRR);

    private static final AtomicInteger RUNS = new AtomicInteger();
    private static final String RUN_PROPERTY = "finrec.evaluation.run";

    private final FinrecRuntime runtime;
    private final ProgressListener progress;
    private final Duration trainingTimeout;

    EvaluationHarness(FinrecRuntime runtime, ProgressListener progress, Duration trainingTimeout) {
        this.runtime = runtime;
        this.progress = progress;
        this.trainingTimeout = trainingTimeout;
    }

    Leaderboard evaluate(String datasetName, Split split, List<Candidate> candidates, int k) {
        Evaluator evaluator = Evaluator.allItems(Runtime.getRuntime().availableProcessors());
        List<EvaluationResult> results = forEachTrained(split.train(), candidates,
                (candidate, recommender, trainSeconds) -> evaluator.evaluate(recommender, split, k, METRICS,
                        (step, done, total) -> progress.progress("evaluating " + candidate.name(), done, total))
                        .withTrainSeconds(trainSeconds));
        return new Leaderboard(datasetName, results);
    }

    /**
     * Scores a propensity task with every candidate trained in the framework on the task's training data.
     *
     * @return one result per candidate, in order
     */
    List<PropensityResult> evaluate(PropensityTask task, List<Candidate> candidates) {
        int threads = Runtime.getRuntime().availableProcessors();
        return forEachTrained(task.train(), candidates, (candidate, recommender, trainSeconds) -> {
            progress.progress("scoring " + candidate.name(), 0, 1);
            return task.evaluate(recommender, threads);
        });
    }

    /**
     * Creates a candidate in the framework by its factory configuration {@link Candidate#pid()}, learning from the
     * {@link Dataset} service of the given name, and waits until it has trained.
     */
    static Recommender create(FinrecRuntime runtime, Candidate candidate, String datasetName, Duration timeout) {
        Map<String, Object> properties = new LinkedHashMap<>(candidate.properties());
        properties.put(Recommender.NAME, candidate.name());
        properties.put("dataset.target", "(" + Dataset.NAME + "=" + datasetName + ")");
        // a configuration property becomes a service property: never mistake an earlier run's service
        properties.put(RUN_PROPERTY, datasetName);
        runtime.configure(candidate.pid(), properties);
        return runtime.waitForService(Recommender.class, "(&(" + Recommender.NAME + "=" + candidate.name() + ")("
                + RUN_PROPERTY + "=" + datasetName + "))", timeout);
    }

    /** What to do with one trained candidate. */
    @FunctionalInterface
    interface TrainedUse<T> {
        T apply(Candidate candidate, Recommender recommender, double trainSeconds);
    }

    /**
     * Registers the training data as a {@link Dataset} service, then creates each candidate by its factory
     * configuration, waits for it to train, uses it and deletes the configuration again.
     */
    private <T> List<T> forEachTrained(Dataset train, List<Candidate> candidates, TrainedUse<T> use) {
        String trainName = "evaluation-train-" + RUNS.incrementAndGet();
        ServiceRegistration<Dataset> registration = runtime.registerService(Dataset.class, train,
                Map.of(Dataset.NAME, trainName));
        List<T> results = new ArrayList<>();
        try {
            for (Candidate candidate : candidates) {
                long started = System.nanoTime();
                try {
                    Recommender recommender = create(runtime, candidate, trainName, trainingTimeout);
                    results.add(use.apply(candidate, recommender, (System.nanoTime() - started) / 1e9));
                } finally {
                    runtime.deleteConfiguration(candidate.pid());
                }
            }
        } finally {
            registration.unregister();
        }
        return results;
    }
}
