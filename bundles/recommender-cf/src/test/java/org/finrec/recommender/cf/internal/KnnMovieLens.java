package org.finrec.recommender.cf.internal;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import org.finrec.api.Customer;
import org.finrec.api.Interaction;
import org.finrec.api.InteractionKind;
import org.finrec.api.Product;
import org.finrec.api.data.Dataset;
import org.finrec.api.spi.TopK;

/**
 * MovieLens 100K ({@code ../shared/data/movielens-100k/u.data}, next to the project root) as implicit feedback, split
 * 80/20 per user, and the all-item top-10 evaluation of a {@link CfModel} on it.
 *
 * <p>The protocol, exactly: every rating is a positive, whatever its value. Users are taken in ascending numeric
 * id; each user's ratings in file order are shuffled with {@link Collections#shuffle(List, Random)} using one
 * {@code new Random(42)} shared by all users in that order; the first {@code round(0.8 n)} go to training, the
 * other ones are the user's test items. The training dataset has every user as a customer without holdings, every
 * movie of the file as a product (so ranking covers all 1,682 movies) and one {@code PURCHASE} per training rating
 * at its timestamp. For every user with test items, all movies not in their training items are ranked by score
 * (ties to the lower product index, {@link TopK}); P@10 = hits / 10, R@10 = hits / |test|, NDCG@10 = DCG with
 * binary gains and {@code 1 / log2(rank + 1)} discounts over the ideal DCG of {@code min(|test|, 10)} hits;
 * averaged over users.
 */
final class KnnMovieLens {

    static final Path U_DATA = Path.of("../../../shared/data/movielens-100k/u.data");
    static final int CUTOFF = 10;

    final Dataset train;
    /** Per customer index: the test product indices, ascending. */
    final int[][] test;

    private KnnMovieLens(Dataset train, int[][] test) {
        this.train = train;
        this.test = test;
    }

    /** Reads and splits the data, skipping the calling test (naming the path) when the file is absent. */
    static KnnMovieLens load() {
        assumeTrue(Files.isRegularFile(U_DATA), "skipped: " + U_DATA.toAbsolutePath().normalize() + " not found");
        TreeMap<Integer, List<long[]>> byUser = new TreeMap<>();
        TreeSet<Integer> movies = new TreeSet<>();
        try {
            for (String line : Files.readAllLines(U_DATA)) {
                String[] f = line.split("\t");
                int user = Integer.parseInt(f[0]);
                int movie = Integer.parseInt(f[1]);
                movies.add(movie);
                byUser.computeIfAbsent(user, u -> new ArrayList<>()).add(new long[] {movie, Long.parseLong(f[3])});
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Random random = new Random(42);
        List<Customer> customers = new ArrayList<>();
        List<Interaction> interactions = new ArrayList<>();
        List<List<Integer>> testMovies = new ArrayList<>();
        for (var entry : byUser.entrySet()) {
            String customer = "u" + entry.getKey();
            customers.add(Customer.builder(customer).build());
            List<long[]> ratings = entry.getValue();
            Collections.shuffle(ratings, random);
            int trainSize = (int) Math.round(0.8 * ratings.size());
            List<Integer> held = new ArrayList<>();
            for (int r = 0; r < ratings.size(); r++) {
                long[] rating = ratings.get(r);
                if (r < trainSize) {
                    interactions.add(Interaction.of(customer, "m" + rating[0], InteractionKind.PURCHASE,
                            Instant.ofEpochSecond(rating[1])));
                } else {
                    held.add((int) rating[0]);
                }
            }
            testMovies.add(held);
        }
        List<Product> products = movies.stream().map(m -> Product.builder("m" + m).build()).toList();
        Dataset train = Dataset.of("movielens-100k-train", customers, products, interactions);
        int[][] test = new int[customers.size()][];
        for (int c = 0; c < customers.size(); c++) {
            test[train.customerIndex(customers.get(c).id())] = testMovies.get(c).stream()
                    .mapToInt(m -> train.productIndex("m" + m)).sorted().toArray();
        }
        return new KnnMovieLens(train, test);
    }

    /** Averaged top-10 metrics and the mean scoring time per user. */
    record Result(double precision, double recall, double ndcg, int users, double micros) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "P@10 %.4f R@10 %.4f NDCG@10 %.4f (%d users, %.0f us/user)",
                    precision, recall, ndcg, users, micros);
        }
    }

    Result evaluate(CfModel model) {
        FeedbackMatrix matrix = model.matrix();
        float[] scores = new float[matrix.items()];
        double[] ranked = new double[matrix.items()];
        double precision = 0;
        double recall = 0;
        double ndcg = 0;
        int users = 0;
        long nanos = 0;
        for (int u = 0; u < test.length; u++) {
            if (test[u].length == 0) {
                continue;
            }
            int user = matrix.userIndex(train.customer(u).id());
            int[] positive = matrix.itemsOf(user);
            long start = System.nanoTime();
            model.score(user, positive, scores);
            nanos += System.nanoTime() - start;
            for (int i = 0; i < scores.length; i++) {
                ranked[i] = scores[i];
            }
            for (int i : positive) {
                ranked[i] = Double.NaN;
            }
            int[] top = TopK.select(ranked, CUTOFF);
            int hits = 0;
            double dcg = 0;
            for (int r = 0; r < top.length; r++) {
                if (java.util.Arrays.binarySearch(test[u], top[r]) >= 0) {
                    hits++;
                    dcg += 1 / log2(r + 2);
                }
            }
            double ideal = 0;
            for (int r = 0; r < Math.min(test[u].length, CUTOFF); r++) {
                ideal += 1 / log2(r + 2);
            }
            precision += hits / (double) CUTOFF;
            recall += hits / (double) test[u].length;
            ndcg += dcg / ideal;
            users++;
        }
        return new Result(precision / users, recall / users, ndcg / users, users, nanos / 1e3 / users);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
