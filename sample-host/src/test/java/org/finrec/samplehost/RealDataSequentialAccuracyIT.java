package org.finrec.samplehost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.finrec.api.data.Dataset;
import org.finrec.api.data.ProgressListener;
import org.finrec.data.DatasetFormat;
import org.finrec.eval.EvaluationResult;
import org.finrec.eval.Leaderboard;
import org.finrec.eval.Split;
import org.finrec.eval.Splitter;
import org.junit.jupiter.api.Test;

/**
 * The sequential recommender on amazon-beauty, leave-one-out with every item ranked, trained inside the running
 * framework with DJL on the CPU. The full recipe trains for tens of minutes ({@code evaluate --sequential}, figures
 * in the README); this regression test keeps the default model and stops after {@link #EPOCHS} epochs, which is
 * enough to show the model learns order: it must already be far ahead of popularity measured in the same run.
 * Skipped, naming the path, when the data is absent.
 */
class RealDataSequentialAccuracyIT {

    private static final Path BUNDLES = Path.of("target", "finrec-sample-host", "bundles");
    private static final int EPOCHS = 3;
    /** Training is deterministic for a seed on the CPU; the tolerance covers float32 summation order. */
    private static final double TOLERANCE = 0.001;

    @Test
    void amazonBeautyAfterThreeEpochs() {
        Dataset data = RealDataAccuracyIT.read(DatasetFormat.SEQUENCE,
                RealDataAccuracyIT.require("amazon-beauty").resolve("Beauty.txt"));
        Split split = Splitter.leaveOneOut().split(data);
        EvaluationHarness.Contender popularity = Contenders.forDataset(split.train()).stream()
                .filter(c -> c.name().equals("popularity-overall")).findFirst().orElseThrow();

        Leaderboard board;
        try (EmbeddedFinrec finrec = EmbeddedFinrec.start(BUNDLES, split.train(),
                Set.of(EmbeddedFinrec.Extra.SEQUENTIAL))) {
            board = new EvaluationHarness(finrec.runtime(), ProgressListener.NONE, Duration.ofMinutes(20))
                    .evaluate(split.train().name(), split, List.of(popularity, Contenders.sequential(EPOCHS)), 10);
        }

        EvaluationResult sequential = board.result("sequential");
        EvaluationResult overall = board.result("popularity-overall");
        // popularity 0.0115 / 0.0055 (RealDataAccuracyIT); the full recipe: README, Sequential recommender
        assertEquals(0.0175, sequential.metric("HR@10"), TOLERANCE, "sequential HR@10");
        assertEquals(0.0087, sequential.metric("NDCG@10"), TOLERANCE, "sequential NDCG@10");
        assertTrue(sequential.metric("NDCG@10") > 1.3 * overall.metric("NDCG@10"),
                "sequential " + sequential.metric("NDCG@10") + " against popularity " + overall.metric("NDCG@10"));
    }
}
