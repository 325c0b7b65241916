package org.finrec.samplehost;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * The content-match recommender with product texts (the inference feature and the real MiniLM encoder) on
 * santander-sample's new products, the figure the README reports. One runtime with the inference bundle per JVM:
 * DJL loads its natives once. Skipped, naming the path, when the data is absent.
 */
class RealDataTextAccuracyIT {

    private static final Path BUNDLES = Path.of("target", "finrec-sample-host", "bundles");

    @Test
    void productTextsHelpRecommendNewProducts() {
        Dataset data = RealDataAccuracyIT.read(DatasetFormat.SANTANDER,
                RealDataAccuracyIT.require("santander-sample").resolve("trainsubset.csv"));
        Split split = Splitter.newProducts(List.of("ecue_fin", "nom_pens", "dela_fin", "tjcr_fin")).split(data);

        Leaderboard board;
        try (EmbeddedFinrec finrec = EmbeddedFinrec.start(BUNDLES, split.train(), Set.of(EmbeddedFinrec.Extra.TEXT))) {
            board = new EvaluationHarness(finrec.runtime(), ProgressListener.NONE, Duration.ofMinutes(5))
                    .evaluate(split.train().name(), split, List.of(Contenders.forDataset(split.train()).stream()
                            .filter(c -> c.name().equals("content-match")).findFirst().orElseThrow()), 7);
        }

        EvaluationResult contentMatch = board.results().get(0);
        // profile alone: NDCG@7 0.2435, HR@7 0.5382 (RealDataAccuracyIT)
        assertEquals(0.2905, contentMatch.metric("NDCG@7"), 0.002);
        assertEquals(0.6679, contentMatch.metric("HR@7"), 0.002);
    }
}
