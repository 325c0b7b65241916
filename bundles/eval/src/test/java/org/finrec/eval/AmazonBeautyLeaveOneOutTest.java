package org.finrec.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.finrec.api.Customer;
import org.finrec.api.Interaction;
import org.finrec.api.InteractionKind;
import org.finrec.api.Product;
import org.finrec.api.data.Dataset;
import org.finrec.api.data.ProgressListener;
import org.finrec.api.recommend.Explanation;
import org.finrec.api.recommend.RecommendationRequest;
import org.finrec.api.spi.FakeRecommender;
import org.finrec.api.spi.Recommender;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Leave-one-out with all-item ranking on the real {@code amazon-beauty} sequences (22,363 users, 12,101 items),
 * checked against the S3-Rec paper's PopRec row (HR@10 0.0152, NDCG@10 0.0068). Skips, naming the path, when
 * {@code ../shared/data} (next to the project root) is absent.
 */
class AmazonBeautyLeaveOneOutTest {

    private static final Path BEAUTY = Path.of("../../../shared/data/amazon-beauty/Beauty.txt");

    private static Dataset data;
    private static Split split;

    @BeforeAll
    static void split() throws IOException {
        assumeTrue(Files.isRegularFile(BEAUTY), "skipped: " + BEAUTY.toAbsolutePath().normalize() + " not found");
        List<Customer> customers = new ArrayList<>();
        Set<String> items = new LinkedHashSet<>();
        List<Interaction> interactions = new ArrayList<>();
        for (String line : Files.readAllLines(BEAUTY)) {
            String[] fields = line.trim().split(" ");
            customers.add(Customer.builder("u" + fields[0]).build());
            for (int i = 1; i < fields.length; i++) {
                items.add(fields[i]);
                // the file has no times, only the order: position i becomes second i
                interactions.add(Interaction.of("u" + fields[0], fields[i], InteractionKind.PURCHASE,
                        Instant.ofEpochSecond(i)));
            }
        }
        List<Product> products = items.stream().map(id -> Product.builder(id).build()).toList();
        data = Dataset.of("amazon-beauty", customers, products, interactions);
        split = Splitter.leaveOneOut().split(data);
    }

    @Test
    void theSplitHasOneTestAndOneValidationCasePerUser() {
        assertEquals(22_363, split.test().size());
        assertEquals(22_363, split.validation().size());
        assertEquals(198_502 - 2 * 22_363, split.train().interactionCount());
        assertEquals(12_101, split.train().productCount());
    }

    /**
     * S3-Rec's PopRec ranks by interactions counted over the whole file (held-out ones included); that reproduces
     * the published row. Counting only the training view gives HR@10 0.01154, NDCG@10 0.00546.
     */
    @Test
    void popularityOverTheWholeFileReproducesThePublishedPopRec() {
        EvaluationResult result = Evaluator.allItems(2).evaluate(popularity(data), split, 10,
                List.of(RankingMetric.HIT_RATE, RankingMetric.NDCG), ProgressListener.NONE);
        assertEquals(0.0152, result.metric("HR@10"), 0.00005);
        assertEquals(0.0068, result.metric("NDCG@10"), 0.00005);
    }

    /** Scores each product by how many interactions it has in {@code counted}. */
    private static Recommender popularity(Dataset counted) {
        double[] counts = new double[counted.productCount()];
        for (int i = 0; i < counted.interactionCount(); i++) {
            counts[counted.interactionProduct(i)]++;
        }
        return FakeRecommender.perProduct("poprec", "POPULAR_OVERALL",
                (customer, product) -> counts[counted.productIndex(product.id())]);
    }
}
