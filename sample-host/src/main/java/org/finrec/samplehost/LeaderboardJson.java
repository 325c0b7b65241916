package org.finrec.samplehost;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.stream.JsonGenerator;
import java.io.StringWriter;
import java.util.Map;
import org.finrec.eval.EvaluationResult;
import org.finrec.eval.Leaderboard;

/** Renders a {@link Leaderboard} as pretty-printed JSON (Jakarta JSON Processing). */
final class LeaderboardJson {

    private LeaderboardJson() {
    }

    static String of(Leaderboard leaderboard) {
        JsonArrayBuilder rows = Json.createArrayBuilder();
        for (EvaluationResult result : leaderboard.results()) {
            JsonObjectBuilder metrics = Json.createObjectBuilder();
            result.metrics().forEach(metrics::add);
            rows.add(Json.createObjectBuilder()
                    .add("recommender", result.recommender())
                    .add("modelVersion", result.modelVersion())
                    .add("protocol", result.protocol())
                    .add("k", result.k())
                    .add("cases", result.cases())
                    .add("metrics", metrics)
                    .add("coverage", result.coverage())
                    .add("trainSeconds", result.trainSeconds())
                    .add("recommendationsPerSecond", result.recommendationsPerSecond()));
        }
        StringWriter json = new StringWriter();
        Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(json)
                .writeObject(Json.createObjectBuilder().add("dataset", leaderboard.dataset()).add("results", rows)
                        .build());
        return json.toString().strip() + "\n";
    }
}
