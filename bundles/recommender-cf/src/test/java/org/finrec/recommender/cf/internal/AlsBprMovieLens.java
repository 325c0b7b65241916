package org.finrec.recommender.cf.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.finrec.api.Customer;
import org.finrec.api.Interaction;
import org.finrec.api.InteractionKind;
import org.finrec.api.Product;
import org.finrec.api.data.Dataset;
import org.finrec.api.spi.TopK;

/**
 * The MovieLens-100k accuracy protocol of the matrix-factorisation tests: every rating of {@code u.data} is an
 * implicit positive; users are taken in ascending id order, and user number {@code n} (0-based in that order) has
 * their ratings, in file order, shuffled with {@code Collections.shuffle(ratings, new Random(42 + n))}; the first
 * {@code ceil(0.8 · count)} are training ratings (a PURCHASE each), the rest test items. Products are every movie
 * id in ascending order. Each user with test items is scored with their training row, training items excluded,
 * top 10 by {@link TopK}; NDCG@10 (binary gains, log2 discounts, ideal over {@code min(|test|, 10)}), P@10 and R@10
 * are averaged over those users.
 */
final class AlsBprMovieLens {

    /** {@code ../shared/data/movielens-100k/u.data} next to the project root, from the module (Maven's directory). */
    static final Path DATA = Path.of("../../../shared/data/movielens-100k/u.data");

    /** The training dataset and each user's test items (product indices), by customer index. */
    record Split(Dataset train, int[][] test) {
    }

    /** Precision, recall and NDCG at k, averaged over users with test items. */
    record Accuracy(double precision, double recall, double ndcg, int users) {
        @Override
        public String toString() {
            return String.format("P@10 %.4f  R@10 %.4f  NDCG@10 %.4f  (%d users)", precision, recall, ndcg, users);
        }
    }

    private AlsBprMovieLens() {
    }

    static Split split(Path file) throws IOException {
        Map<Integer, List<int[]>> byUser = new TreeMap<>();
        TreeMap<Integer, Integer> movies = new TreeMap<>();
        for (String line : Files.readAllLines(file)) {
            String[] fields = line.trim().split("\\s+"); // user item rating timestamp
            if (fields.length < 4) {
                continue;
            }
            int user = Integer.parseInt(fields[0]);
            int movie = Integer.parseInt(fields[1]);
            byUser.computeIfAbsent(user, k -> new ArrayList<>()).add(new int[] {movie, Integer.parseInt(fields[3])});
            movies.put(movie, 0);
        }
        List<Product> products = new ArrayList<>();
        int index = 0;
        for (Map.Entry<Integer, Integer> movie : movies.entrySet()) {
            movie.setValue(index++);
            products.add(Product.builder("m" + movie.getKey()).build());
        }
        List<Customer> customers = new ArrayList<>();
        List<Interaction> interactions = new ArrayList<>();
        int[][] test = new int[byUser.size()][];
        int n = 0;
        for (Map.Entry<Integer, List<int[]>> user : byUser.entrySet()) {
            List<int[]> ratings = new ArrayList<>(user.getValue());
            Collections.shuffle(ratings, new java.util.Random(42 + n));
            int train = (int) Math.ceil(0.8 * ratings.size());
            String id = "u" + user.getKey();
            customers.add(Customer.builder(id).build());
            for (int k = 0; k < train; k++) {
                interactions.add(Interaction.of(id, "m" + ratings.get(k)[0], InteractionKind.PURCHASE,
                        Instant.ofEpochSecond(ratings.get(k)[1])));
            }
            test[n] = ratings.subList(train, ratings.size()).stream().mapToInt(r -> movies.get(r[0])).sorted()
                    .toArray();
            n++;
        }
        return new Split(Dataset.of("movielens-100k-80-20-42", customers, products, interactions), test);
    }

    static Accuracy evaluate(CfModel model, Split split, int k) {
        FeedbackMatrix matrix = model.matrix();
        float[] scores = new float[matrix.items()];
        double[] ranked = new double[matrix.items()];
        double precision = 0;
        double recall = 0;
        double ndcg = 0;
        int users = 0;
        for (int u = 0; u < split.test().length; u++) {
            int[] test = split.test()[u];
            if (test.length == 0) {
                continue;
            }
            int user = matrix.userIndex(split.train().customer(u).id());
            int[] train = matrix.itemsOf(user);
            model.score(user, train, scores);
            for (int i = 0; i < scores.length; i++) {
                ranked[i] = scores[i];
            }
            for (int i : train) {
                ranked[i] = Double.NaN;
            }
            int[] top = TopK.select(ranked, k);
            int hits = 0;
            double dcg = 0;
            for (int r = 0; r < top.length; r++) {
                if (java.util.Arrays.binarySearch(test, top[r]) >= 0) {
                    hits++;
                    dcg += 1 / log2(r + 2);
                }
            }
            double ideal = 0;
            for (int r = 0; r < Math.min(test.length, k); r++) {
                ideal += 1 / log2(r + 2);
            }
            precision += (double) hits / k;
            recall += (double) hits / test.length;
            ndcg += dcg / ideal;
            users++;
        }
        return new Accuracy(precision / users, recall / users, ndcg / users, users);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
