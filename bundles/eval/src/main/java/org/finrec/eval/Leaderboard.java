package org.finrec.eval;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Results of several recommenders on the same split, renderable as a markdown table.
 *
 * @param dataset the dataset's name
 * @param results the results, in the order to show
 */
public record Leaderboard(String dataset, List<EvaluationResult> results) {

    /**
     * Copies the results.
     *
     * @param dataset the dataset's name
     * @param results the results
     */
    public Leaderboard {
        results = List.copyOf(results);
    }

    /**
     * Finds one recommender's result.
     *
     * @param recommender the recommender's name
     * @return its result
     * @throws IllegalArgumentException naming the recommenders the board has, when it has none of that name
     */
    public EvaluationResult result(String recommender) {
        return results.stream().filter(r -> r.recommender().equals(recommender)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no result for " + recommender + " in "
                        + results.stream().map(EvaluationResult::recommender).toList()));
    }

    /**
     * Renders the board as a markdown table: one row per recommender with every metric (the union of the results'
     * metric labels in first-seen order; an empty cell where a result lacks one, four decimals otherwise),
     * coverage (three decimals), training seconds (two decimals, {@code NaN} when unknown) and recommendations per
     * second (whole number). Numbers use {@link Locale#ROOT}; lines end with {@code \n} on every platform.
     *
     * @return the table, ending with a newline
     */
    public String toMarkdown() {
        Set<String> labels = new LinkedHashSet<>();
        results.forEach(result -> labels.addAll(result.metrics().keySet()));
        List<String> header = new ArrayList<>(List.of("recommender", "model"));
        header.addAll(labels);
        header.addAll(List.of("coverage", "train s", "recs/s"));
        StringBuilder table = new StringBuilder();
        table.append("| ").append(String.join(" | ", header)).append(" |\n");
        table.append("|").append("---|".repeat(header.size())).append("\n");
        for (EvaluationResult result : results) {
            table.append("| ").append(result.recommender()).append(" | ").append(result.modelVersion());
            for (String label : labels) {
                Double value = result.metrics().get(label);
                table.append(" | ").append(value == null ? "" : String.format(Locale.ROOT, "%.4f", value));
            }
            table.append(String.format(Locale.ROOT, " | %.3f | %.2f | %.0f |\n", result.coverage(),
                    result.trainSeconds(), result.recommendationsPerSecond()));
        }
        return table.toString();
    }
}
