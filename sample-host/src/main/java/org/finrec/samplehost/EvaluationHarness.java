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
 * {@link Dataset} service, each contender recommender is created in the running framework by a factory
 * configuration that targets it, trains as its component activates, and is then evaluated on the test cases.
 */
final class EvaluationHarness {

    /** A recommender to evaluate: the factory PID of its component and the configuration that defines it. */
    record Contender(String name, String factoryPid, Map<String, Object> properties) {

        /** The PID of the contender's factory configuration. */
        String pid() {
            return factoryPid + "~" + name;
        }
    }

    static final List<RankingMetric> METRICS = List.of(RankingMetric.PRECISION, RankingMetric.RECALL,
            RankingMetric.F1, RankingMetric.NDCG, RankingMetric.MAP, RankingMetric.HIT_RATE, RankingMetric.MRR);

    private static final AtomicInteger RUNS = new AtomicInteger();

    private final FinrecRuntime runtime;
    private final ProgressListener progress;
    private final Duration trainingTimeout;

    EvaluationHarness(FinrecRuntime runtime, ProgressListener progress, Duration trainingTimeout) {
        this.runtime = runtime;
        this.progress = progress;
        this.trainingTimeout = trainingTimeout;
    }

    Leaderboard evaluate(String datasetName, Split split, List<Contender> contenders, int k) {
        Evaluator evaluator = Evaluator.allItems(Runtime.getRuntime().availableProcessors());
        List<EvaluationResult> results = forEachTrained(split.train(), contenders,
                (contender, recommender, trainSeconds) -> evaluator.evaluate(recommender, split, k, METRICS,
                        (step, done, total) -> progress.progress("evaluating " + contender.name(), done, total))
                        .withTrainSeconds(trainSeconds));
        return new Leaderboard(datasetName, results);
    }

    /**
     * Scores a propensity task with every contender trained in the framework on the task's training data.
     *
     * @return one result per contender, in order
     */
    List<PropensityResult> evaluate(PropensityTask task, List<Contender> contenders) {
        int threads = Runtime.getRuntime().availableProcessors();
        return forEachTrained(task.train(), contenders, (contender, recommender, trainSeconds) -> {
            progress.progress("scoring " + contender.name(), 0, 1);
            return task.evaluate(recommender, threads);
        });
    }

    /**
     * Creates a contender in the framework by its factory configuration {@link Contender#pid()}, learning from the
     * {@link Dataset} service of the given name, and waits until it has trained.
     */
    static Recommender create(FinrecRuntime runtime, Contender contender, String datasetName, Duration timeout) {
        Map<String, Object> properties = new LinkedHashMap<>(contender.properties());
        properties.put("dataset.target", "(" + Dataset.NAME + "=" + datasetName + ")");
        return runtime.createRecommender(contender.factoryPid(), contender.name(), properties, timeout);
    }

    /** What to do with one trained contender. */
    @FunctionalInterface
    interface TrainedUse<T> {
        T apply(Contender contender, Recommender recommender, double trainSeconds);
    }

    /**
     * Registers the training data as a {@link Dataset} service, then creates each contender by its factory
     * configuration, waits for it to train, uses it and deletes the configuration again.
     */
    private <T> List<T> forEachTrained(Dataset train, List<Contender> contenders, TrainedUse<T> use) {
        String trainName = "evaluation-train-" + RUNS.incrementAndGet();
        ServiceRegistration<Dataset> registration = runtime.registerService(Dataset.class, train,
                Map.of(Dataset.NAME, trainName));
        List<T> results = new ArrayList<>();
        try {
            for (Contender contender : contenders) {
                long started = System.nanoTime();
                try {
                    Recommender recommender = create(runtime, contender, trainName, trainingTimeout);
                    results.add(use.apply(contender, recommender, (System.nanoTime() - started) / 1e9));
                } finally {
                    runtime.deleteConfiguration(contender.pid());
                }
            }
        } finally {
            registration.unregister();
        }
        return results;
    }
}
