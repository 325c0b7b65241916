package org.finrec.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LeaderboardTest {

    private static Map<String, Double> metrics(Object... labelsAndValues) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (int i = 0; i < labelsAndValues.length; i += 2) {
            metrics.put((String) labelsAndValues[i], (Double) labelsAndValues[i + 1]);
        }
        return metrics;
    }

    @Test
    void rendersOneRowPerResultWithTheUnionOfMetrics() {
        EvaluationResult popularity = new EvaluationResult("popularity", "pop-7", "leave-one-out", 10, 22_363,
                metrics("HR@10", 0.01523, "NDCG@10", 0.0068449), 0.0123, 0.456, 51_234.4);
        EvaluationResult sasrec = new EvaluationResult("sasrec", "sasrec-2", "leave-one-out", 10, 22_363,
                metrics("NDCG@10", 0.03181, "MRR@10", 0.025), 0.41, Double.NaN, 1_999.5);

        String table = new Leaderboard("amazon-beauty", List.of(popularity, sasrec)).toMarkdown();

        assertEquals("""
                | recommender | model | HR@10 | NDCG@10 | MRR@10 | coverage | train s | recs/s |
                |---|---|---|---|---|---|---|---|
                | popularity | pop-7 | 0.0152 | 0.0068 |  | 0.012 | 0.46 | 51234 |
                | sasrec | sasrec-2 |  | 0.0318 | 0.0250 | 0.410 | NaN | 2000 |
                """, table);
    }

    @Test
    void anEmptyBoardIsJustTheHeader() {
        assertEquals("""
                | recommender | model | coverage | train s | recs/s |
                |---|---|---|---|---|
                """, new Leaderboard("none", List.of()).toMarkdown());
    }

    @Test
    void withTrainSecondsCopiesEverythingElse() {
        EvaluationResult result = new EvaluationResult("r", "v", "p", 5, 3, metrics("P@5", 0.5), 0.2, Double.NaN, 10);
        EvaluationResult timed = result.withTrainSeconds(1.5);
        assertEquals(1.5, timed.trainSeconds());
        assertEquals(result.metrics(), timed.metrics());
        assertEquals(0.5, timed.metric("P@5"));
    }

    @Test
    void aResultIsFoundByItsRecommenderAndAMissingOneNamesThoseThere() {
        EvaluationResult first = new EvaluationResult("a", "v", "p", 5, 3, metrics("P@5", 0.5), 0.2, Double.NaN, 10);
        EvaluationResult second = new EvaluationResult("b", "w", "p", 5, 3, metrics("P@5", 0.7), 0.2, Double.NaN, 10);
        Leaderboard board = new Leaderboard("d", List.of(first, second));

        assertSame(second, board.result("b"));
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> board.result("c"));
        assertEquals("no result for c in [a, b]", missing.getMessage());
    }
}
