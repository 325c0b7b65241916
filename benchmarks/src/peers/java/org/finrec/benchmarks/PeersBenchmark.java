package org.finrec.benchmarks;

import es.uam.eps.ir.ranksys.fast.index.FastItemIndex;
import es.uam.eps.ir.ranksys.fast.index.FastUserIndex;
import es.uam.eps.ir.ranksys.fast.index.SimpleFastItemIndex;
import es.uam.eps.ir.ranksys.fast.index.SimpleFastUserIndex;
import es.uam.eps.ir.ranksys.fast.preference.FastPreferenceData;
import es.uam.eps.ir.ranksys.fast.preference.SimpleFastPreferenceData;
import es.uam.eps.ir.ranksys.mf.Factorization;
import es.uam.eps.ir.ranksys.mf.als.HKVFactorizer;
import es.uam.eps.ir.ranksys.mf.rec.MFRecommender;
import es.uam.eps.ir.ranksys.nn.item.ItemNeighborhoodRecommender;
import es.uam.eps.ir.ranksys.nn.item.neighborhood.CachedItemNeighborhood;
import es.uam.eps.ir.ranksys.nn.item.neighborhood.TopKItemNeighborhood;
import es.uam.eps.ir.ranksys.nn.item.sim.VectorCosineItemSimilarity;
import es.uam.eps.ir.ranksys.nn.user.UserNeighborhoodRecommender;
import es.uam.eps.ir.ranksys.nn.user.neighborhood.CachedUserNeighborhood;
import es.uam.eps.ir.ranksys.nn.user.neighborhood.TopKUserNeighborhood;
import es.uam.eps.ir.ranksys.nn.user.sim.VectorCosineUserSimilarity;
import it.unimi.dsi.fastutil.ints.Int2DoubleMap;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.mahout.cf.taste.common.TasteException;
import org.apache.mahout.cf.taste.impl.common.FastByIDMap;
import org.apache.mahout.cf.taste.impl.model.GenericDataModel;
import org.apache.mahout.cf.taste.impl.model.GenericUserPreferenceArray;
import org.apache.mahout.cf.taste.impl.neighborhood.CachingUserNeighborhood;
import org.apache.mahout.cf.taste.impl.neighborhood.NearestNUserNeighborhood;
import org.apache.mahout.cf.taste.impl.recommender.GenericBooleanPrefItemBasedRecommender;
import org.apache.mahout.cf.taste.impl.recommender.GenericBooleanPrefUserBasedRecommender;
import org.apache.mahout.cf.taste.impl.recommender.GenericUserBasedRecommender;
import org.apache.mahout.cf.taste.impl.recommender.svd.ALSWRFactorizer;
import org.apache.mahout.cf.taste.impl.recommender.svd.SVDRecommender;
import org.apache.mahout.cf.taste.impl.similarity.CachingUserSimilarity;
import org.apache.mahout.cf.taste.impl.similarity.GenericItemSimilarity;
import org.apache.mahout.cf.taste.impl.similarity.LogLikelihoodSimilarity;
import org.apache.mahout.cf.taste.impl.similarity.PearsonCorrelationSimilarity;
import org.apache.mahout.cf.taste.model.DataModel;
import org.apache.mahout.cf.taste.model.PreferenceArray;
import org.apache.mahout.cf.taste.similarity.UserSimilarity;
import org.apache.mahout.common.RandomUtils;
import org.finrec.api.Product;
import org.finrec.api.ProductCatalog;
import org.finrec.api.data.Dataset;
import org.finrec.api.data.ProgressListener;
import org.finrec.api.recommend.Explanation;
import org.finrec.api.recommend.RecommendationRequest;
import org.finrec.api.spi.CatalogueIndexMap;
import org.finrec.api.spi.Recommender;
import org.finrec.api.spi.RequestScorer;
import org.finrec.data.DatasetFormat;
import org.finrec.data.DatasetReader;
import org.finrec.data.ImportOptions;
import org.finrec.eval.EvaluationResult;
import org.finrec.eval.Evaluator;
import org.finrec.eval.RankingMetric;
import org.finrec.eval.Split;
import org.finrec.eval.Splitter;
import org.finrec.runtime.FinrecRuntime;
import org.jooq.lambda.tuple.Tuple;
import org.osgi.framework.ServiceRegistration;

/**
 * Finrec's collaborative filtering against JVM peers (Apache Mahout Taste 0.13.0, RankSys 0.4.3, Spark MLlib
 * 3.5.3 in local mode) on one data set
 * and one split, in one run: MovieLens 100K, all ratings as implicit positives, per-user random 80/20 (seed 42) from
 * {@link Splitter#randomPerUser}. Finrec's recommenders are trained in the running framework from factory
 * configurations (as {@code FacadeLatencyBenchmark} and the sample host's evaluation harness do); each peer model is
 * wrapped in a {@link Recommender} whose score is the peer's predicted preference for the candidate, and every
 * recommender is evaluated by the same {@link Evaluator#allItems} (top-10 over all items, training items
 * excluded). Built only with the Maven profile {@code peers}.
 */
final class PeersBenchmark {

    /** The factory PID of each collaborative-filtering algorithm: one component each. */
    private static final String CF_PID = "org.finrec.recommender.cf.";
    /** Training threads of item kNN and ALS: one per core, as RankSys trains (the components accept 1..256). */
    private static final int TRAINING_THREADS = Math.min(256, Runtime.getRuntime().availableProcessors());
    private static final int K = 10;
    private static final List<RankingMetric> METRICS = List.of(RankingMetric.PRECISION, RankingMetric.RECALL,
            RankingMetric.NDCG);

    /** Kept so that the level sticks: RankSys logs every ALS iteration at INFO. */
    private static final java.util.logging.Logger RANKSYS_LOG = java.util.logging.Logger.getLogger("es.uam.eps.ir.ranksys");

    private static final List<String> NOTES = new ArrayList<>();

    private PeersBenchmark() {
    }

    /** One row of the table. */
    private record Row(String name, String library, String counterpart, EvaluationResult result) {
    }

    /** A peer: how to build its scoring function from the training data, and its Finrec counterpart. */
    private record Peer(String name, String library, String counterpart, PeerBuilder builder) {
    }

    @FunctionalInterface
    private interface PeerBuilder {
        Scorer build(Dataset train) throws Exception;
    }

    /** Scores candidates (training product indices) for a training customer index. */
    @FunctionalInterface
    private interface Scorer {
        double[] score(int customer, int[] products) throws Exception;
    }

    static void run(String[] options) throws Exception {
        Path data = Path.of("../shared/data/movielens-100k/u.data");
        Path bundles = Path.of("runtime/target/finrec-runtime/bundles");
        int threads = Runtime.getRuntime().availableProcessors();
        // one evaluation of the 943 test cases takes a tenth of a second or less: a single timing of a cold JIT is
        // mostly noise (three warm-up evaluations left Finrec's user kNN at a seventh of its warm speed, and 3 s of
        // them, the first row measured, at a quarter)
        int warmups = 1;
        double warmupSeconds = 10;
        int repeats = 5;
        Set<String> only = Set.of(); // empty: every row
        for (int i = 0; i + 1 < options.length; i += 2) {
            switch (options[i]) {
                case "--data" -> data = Path.of(options[i + 1]);
                case "--bundles" -> bundles = Path.of(options[i + 1]);
                case "--threads" -> threads = Integer.parseInt(options[i + 1]);
                case "--warmups" -> warmups = Integer.parseInt(options[i + 1]);
                case "--warmup-seconds" -> warmupSeconds = Double.parseDouble(options[i + 1]);
                case "--repeats" -> repeats = Integer.parseInt(options[i + 1]);
                case "--only" -> only = Set.of(options[i + 1].split(","));
                default -> throw new IllegalArgumentException("unknown option " + options[i]);
            }
        }
        RANKSYS_LOG.setLevel(java.util.logging.Level.WARNING);
        Dataset dataset = DatasetReader.of(DatasetFormat.MOVIELENS).read(data, ImportOptions.STRICT).dataset();
        Split split = Splitter.randomPerUser(0.8, 0.0, 42).split(dataset);
        Evaluator evaluator = Evaluator.allItems(threads);
        System.err.printf(Locale.ROOT, "%s: %,d customers, %,d products, %,d test cases, %d evaluation threads%n",
                data, dataset.customerCount(), dataset.productCount(), split.test().size(), threads);

        Map<String, Row> finrec = new LinkedHashMap<>();
        try (FinrecRuntime runtime = FinrecRuntime.builder().bundleFolder(bundles).start()) {
            String trainName = "peers-train";
            ServiceRegistration<Dataset> registration = runtime.registerService(Dataset.class, split.train(),
                    Map.of(Dataset.NAME, trainName));
            try {
                // name -> the algorithm's factory PID suffix and its properties
                Map<String, Map.Entry<String, Map<String, Object>>> candidates = new LinkedHashMap<>();
                candidates.put("user-knn", Map.entry("userknn", Map.of("similarity", "COSINE", "neighbours", 50)));
                candidates.put("user-knn-pearson", Map.entry("userknn", Map.of("similarity", "PEARSON",
                        "neighbours", 50)));
                candidates.put("item-knn", Map.entry("itemknn", Map.of("similarity", "COSINE", "neighbours", 200,
                        "threads", TRAINING_THREADS)));
                candidates.put("als", Map.entry("als", Map.of("threads", TRAINING_THREADS)));
                candidates.put("bpr", Map.entry("bpr", Map.of()));
                for (Map.Entry<String, Map.Entry<String, Map<String, Object>>> candidate : candidates.entrySet()) {
                    String name = candidate.getKey();
                    if (!only.isEmpty() && !only.contains(name)) {
                        continue;
                    }
                    String factoryPid = CF_PID + candidate.getValue().getKey();
                    String pid = factoryPid + "~" + name;
                    Map<String, Object> properties = new LinkedHashMap<>(candidate.getValue().getValue());
                    properties.put("dataset.target", "(" + Dataset.NAME + "=" + trainName + ")");
                    long started = System.nanoTime();
                    try {
                        Recommender recommender = runtime.createRecommender(factoryPid, name, properties,
                                Duration.ofMinutes(30));
                        double seconds = (System.nanoTime() - started) / 1e9;
                        EvaluationResult result = evaluate(evaluator, recommender, split, warmups, warmupSeconds, repeats)
                                .withTrainSeconds(seconds);
                        finrec.put(name, new Row(name, "Finrec", null, result));
                        System.err.println("done " + name);
                    } finally {
                        runtime.deleteConfiguration(pid);
                    }
                }
            } finally {
                registration.unregister();
            }
        }

        List<Row> peers = new ArrayList<>();
        for (Peer peer : peers()) {
            if (!only.isEmpty() && !only.contains(peer.name())) {
                continue;
            }
            try {
                long started = System.nanoTime();
                Scorer scorer = peer.builder().build(split.train());
                double seconds = (System.nanoTime() - started) / 1e9;
                EvaluationResult result = evaluate(evaluator, new PeerRecommender(peer.name(), split.train(),
                        scorer), split, warmups, warmupSeconds, repeats).withTrainSeconds(seconds);
                peers.add(new Row(peer.name(), peer.library(), peer.counterpart(), result));
                System.err.println("done " + peer.name());
            } catch (Exception | LinkageError e) {
                System.err.println(peer.name() + " failed: " + e);
                peers.add(new Row(peer.name(), peer.library() + " (failed: " + e.getClass().getSimpleName() + ")",
                        peer.counterpart(), null));
            }
        }

        System.out.println("| recommender | library | train s | recs/s | P@10 | R@10 | NDCG@10 | Finrec counterpart "
                + "| Finrec recs/s ÷ peer recs/s | Finrec NDCG@10 − peer |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        for (Row row : finrec.values()) {
            print(row, null);
        }
        for (Row row : peers) {
            print(row, finrec.get(row.counterpart()));
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "recs/s: the median of %d timed evaluations of every test case, after at "
                + "least %d warm-up evaluations and %.1f s of them, on %d evaluation threads%n", Math.max(1, repeats),
                warmups, warmupSeconds, threads);
        for (String note : NOTES) {
            System.out.println();
            System.out.println(note);
        }
    }

    /**
     * The evaluation whose throughput is the median of {@code repeats} timed ones, after at least {@code warmups}
     * warm-up evaluations and at least {@code warmupSeconds} of them.
     */
    private static EvaluationResult evaluate(Evaluator evaluator, Recommender recommender, Split split,
            int warmups, double warmupSeconds, int repeats) {
        long warmupEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
        for (int i = 0; i < warmups || System.nanoTime() < warmupEnd; i++) {
            evaluator.evaluate(recommender, split, K, METRICS, ProgressListener.NONE);
        }
        List<EvaluationResult> timed = new ArrayList<>();
        for (int i = 0; i < Math.max(1, repeats); i++) {
            timed.add(evaluator.evaluate(recommender, split, K, METRICS, ProgressListener.NONE));
        }
        timed.sort(java.util.Comparator.comparingDouble(EvaluationResult::recommendationsPerSecond));
        return timed.get(timed.size() / 2);
    }

    private static void print(Row row, Row counterpart) {
        EvaluationResult r = row.result();
        if (r == null) {
            System.out.printf(Locale.ROOT, "| %s | %s | - | - | - | - | - | %s | - | - |%n", row.name(), row.library(),
                    row.counterpart());
            return;
        }
        String ratio = "";
        String difference = "";
        if (counterpart != null && counterpart.result() != null) {
            EvaluationResult f = counterpart.result();
            ratio = String.format(Locale.ROOT, "%.2f", f.recommendationsPerSecond() / r.recommendationsPerSecond());
            difference = String.format(Locale.ROOT, "%+.4f", f.metric("NDCG@10") - r.metric("NDCG@10"));
        }
        System.out.printf(Locale.ROOT, "| %s | %s | %.2f | %,.0f | %.4f | %.4f | %.4f | %s | %s | %s |%n", row.name(),
                row.library(), r.trainSeconds(), r.recommendationsPerSecond(), r.metric("P@10"), r.metric("R@10"),
                r.metric("NDCG@10"), row.counterpart() == null ? "" : row.counterpart(), ratio, difference);
    }

    private static List<Peer> peers() {
        return List.of(
                new Peer("mahout-user-pearson", "Mahout Taste 0.13.0", "user-knn-pearson", train ->
                        mahoutUserPearson(train, 50)),
                new Peer("mahout-user-llr", "Mahout Taste 0.13.0", "user-knn", train -> mahoutUserBoolean(train, 50)),
                new Peer("mahout-item-llr", "Mahout Taste 0.13.0", "item-knn", PeersBenchmark::mahoutItemBoolean),
                new Peer("mahout-als-wr", "Mahout Taste 0.13.0", "als", PeersBenchmark::mahoutAls),
                new Peer("ranksys-user-knn", "RankSys 0.4.3", "user-knn", train -> ranksysUserKnn(train, 50)),
                new Peer("ranksys-item-knn", "RankSys 0.4.3", "item-knn", train -> ranksysItemKnn(train, 200)),
                new Peer("ranksys-hkv-als", "RankSys 0.4.3", "als", PeersBenchmark::ranksysHkv),
                new Peer("spark-als", "Spark MLlib 3.5.3 (local)", "als", train -> {
                    SparkAlsPeer peer = SparkAlsPeer.train(new Positives(train).products, train.productCount());
                    NOTES.add(peer.note());
                    return peer::score;
                }));
    }

    // ---------------------------------------------------------------- training data as peers see it

    /** Each training customer's distinct products (holdings and interactions), ascending, with a value each. */
    private static final class Positives {
        final int[][] products;
        final float[][] ratings;

        Positives(Dataset train) {
            int customers = train.customerCount();
            Map<Long, Float> values = new java.util.HashMap<>();
            for (int i = 0; i < train.interactionCount(); i++) {
                long key = (long) train.interactionCustomer(i) * train.productCount() + train.interactionProduct(i);
                values.merge(key, (float) train.interactionWeight(i), Math::max);
            }
            for (int c = 0; c < customers; c++) {
                for (int p : train.holdings(c)) {
                    values.putIfAbsent((long) c * train.productCount() + p, 1f);
                }
            }
            long[] keys = values.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
            int[] counts = new int[customers];
            for (long key : keys) {
                counts[(int) (key / train.productCount())]++;
            }
            products = new int[customers][];
            ratings = new float[customers][];
            for (int c = 0; c < customers; c++) {
                products[c] = new int[counts[c]];
                ratings[c] = new float[counts[c]];
            }
            int[] fill = new int[customers];
            for (long key : keys) {
                int c = (int) (key / train.productCount());
                products[c][fill[c]] = (int) (key % train.productCount());
                ratings[c][fill[c]++] = values.get(key);
            }
        }
    }

    // ---------------------------------------------------------------- Mahout Taste

    private static DataModel mahoutModel(Dataset train, boolean ratings) {
        Positives positives = new Positives(train);
        FastByIDMap<PreferenceArray> users = new FastByIDMap<>();
        for (int c = 0; c < positives.products.length; c++) {
            int[] products = positives.products[c];
            if (products.length == 0) {
                continue;
            }
            PreferenceArray array = new GenericUserPreferenceArray(products.length);
            array.setUserID(0, c);
            for (int j = 0; j < products.length; j++) {
                array.setItemID(j, products[j]);
                array.setValue(j, ratings ? positives.ratings[c][j] : 1f);
            }
            users.put(c, array);
        }
        return new GenericDataModel(users);
    }

    private static Scorer mahoutScorer(org.apache.mahout.cf.taste.recommender.Recommender recommender) {
        return (customer, products) -> {
            double[] scores = new double[products.length];
            for (int i = 0; i < products.length; i++) {
                try {
                    scores[i] = recommender.estimatePreference(customer, products[i]);
                } catch (org.apache.mahout.cf.taste.common.NoSuchItemException
                        | org.apache.mahout.cf.taste.common.NoSuchUserException e) {
                    scores[i] = Double.NaN;
                }
            }
            return scores;
        };
    }

    /**
     * Classic Taste: ratings as preference values, Pearson correlation (cached), 50 nearest users (cached), score =
     * similarity-weighted average rating.
     */
    private static Scorer mahoutUserPearson(Dataset train, int k) throws TasteException {
        DataModel model = mahoutModel(train, true);
        UserSimilarity similarity = new CachingUserSimilarity(new PearsonCorrelationSimilarity(model), model);
        return mahoutScorer(new GenericUserBasedRecommender(model,
                new CachingUserNeighborhood(new NearestNUserNeighborhood(k, similarity, model), model), similarity));
    }

    /** Taste for boolean data: log-likelihood similarity (cached), 50 nearest users (cached), score = sum of similarities. */
    private static Scorer mahoutUserBoolean(Dataset train, int k) throws TasteException {
        DataModel model = mahoutModel(train, false);
        UserSimilarity similarity = new CachingUserSimilarity(new LogLikelihoodSimilarity(model), model);
        return mahoutScorer(new GenericBooleanPrefUserBasedRecommender(model,
                new CachingUserNeighborhood(new NearestNUserNeighborhood(k, similarity, model), model), similarity));
    }

    /** Taste item-based for boolean data: all item-item log-likelihood similarities precomputed. */
    private static Scorer mahoutItemBoolean(Dataset train) throws TasteException {
        DataModel model = mahoutModel(train, false);
        GenericItemSimilarity similarity = new GenericItemSimilarity(new LogLikelihoodSimilarity(model), model);
        return mahoutScorer(new GenericBooleanPrefItemBasedRecommender(model, similarity));
    }

    /** Taste ALS-WR with implicit feedback (Hu, Koren and Volinsky): 50 features, 15 iterations. */
    private static Scorer mahoutAls(Dataset train) throws TasteException {
        RandomUtils.useTestSeed(); // Mahout's fixed seed, so that runs repeat
        DataModel model = mahoutModel(train, false);
        ALSWRFactorizer factorizer = new ALSWRFactorizer(model, 50, 0.1, 15, true, 1.0,
                Runtime.getRuntime().availableProcessors());
        return mahoutScorer(new SVDRecommender(model, factorizer));
    }

    // ---------------------------------------------------------------- RankSys

    private record RankSysData(FastUserIndex<Integer> users, FastItemIndex<Integer> items,
            FastPreferenceData<Integer, Integer> preferences) {
    }

    private static RankSysData rankSysData(Dataset train) {
        Positives positives = new Positives(train);
        FastUserIndex<Integer> users = SimpleFastUserIndex.load(IntStream.range(0, train.customerCount()).boxed());
        FastItemIndex<Integer> items = SimpleFastItemIndex.load(IntStream.range(0, train.productCount()).boxed());
        Stream.Builder<org.jooq.lambda.tuple.Tuple3<Integer, Integer, Double>> tuples = Stream.builder();
        for (int c = 0; c < positives.products.length; c++) {
            for (int p : positives.products[c]) {
                tuples.add(Tuple.tuple(c, p, 1.0));
            }
        }
        return new RankSysData(users, items, SimpleFastPreferenceData.load(tuples.build(), users, items));
    }

    private static Scorer scoresMapScorer(IntFunction<Int2DoubleMap> scores) {
        return (customer, products) -> {
            Int2DoubleMap map = scores.apply(customer);
            double[] result = new double[products.length];
            for (int i = 0; i < products.length; i++) {
                result[i] = map.containsKey(products[i]) ? map.get(products[i]) : 0.0;
            }
            return result;
        };
    }

    /** RankSys user kNN: vector cosine (alpha 0.5), top 50 neighbours (cached), q = 1. */
    private static Scorer ranksysUserKnn(Dataset train, int k) {
        RankSysData data = rankSysData(train);
        VectorCosineUserSimilarity<Integer> similarity = new VectorCosineUserSimilarity<>(data.preferences(), 0.5,
                true);
        CachedUserNeighborhood<Integer> neighbourhood = new CachedUserNeighborhood<>(
                new TopKUserNeighborhood<>(similarity, k));
        UserNeighborhoodRecommender<Integer, Integer> recommender = new UserNeighborhoodRecommender<>(
                data.preferences(), neighbourhood, 1);
        return scoresMapScorer(recommender::getScoresMap);
    }

    /** RankSys item kNN: vector cosine (alpha 0.5), top 200 neighbours (cached), q = 1. */
    private static Scorer ranksysItemKnn(Dataset train, int k) {
        RankSysData data = rankSysData(train);
        VectorCosineItemSimilarity<Integer> similarity = new VectorCosineItemSimilarity<>(data.preferences(), 0.5,
                true);
        CachedItemNeighborhood<Integer> neighbourhood = new CachedItemNeighborhood<>(
                new TopKItemNeighborhood<>(similarity, k));
        ItemNeighborhoodRecommender<Integer, Integer> recommender = new ItemNeighborhoodRecommender<>(
                data.preferences(), neighbourhood, 1);
        return scoresMapScorer(recommender::getScoresMap);
    }

    /** RankSys HKV implicit ALS: 50 factors, lambda 0.1, confidence 1 + x (alpha 1), 15 iterations. */
    private static Scorer ranksysHkv(Dataset train) {
        RankSysData data = rankSysData(train);
        // HKVFactorizer.factorize(k, data) starts from Math.random(); same start (sqrt(1/k) * uniform), seeded
        java.util.Random random = new java.util.Random(42);
        Factorization<Integer, Integer> factorization = new Factorization<>(data.users(), data.items(), 50,
                x -> Math.sqrt(1.0 / 50) * random.nextDouble());
        new HKVFactorizer<Integer, Integer>(0.1, x -> 1 + 1.0 * x, 15).factorize(factorization, data.preferences());
        MFRecommender<Integer, Integer> recommender = new MFRecommender<>(data.users(), data.items(), factorization);
        return (customer, products) -> {
            double[] result = new double[products.length];
            Arrays.fill(result, Double.NaN);
            int[] position = new int[train.productCount()];
            for (int i = 0; i < products.length; i++) {
                position[products[i]] = i;
            }
            recommender.getRecommendation(customer, Arrays.stream(products)).getIidxs()
                    .forEach(scored -> result[position[scored.v1]] = scored.v2);
            return result;
        };
    }

    // ---------------------------------------------------------------- adapter

    /** A peer model as a Finrec {@link Recommender}: score = the peer's predicted preference. */
    private static final class PeerRecommender implements Recommender {
        private final String name;
        private final Dataset train;
        private final Scorer scorer;
        /** Candidates reach the peer as its own product indices, looked up once per catalogue, as Finrec's do. */
        private final CatalogueIndexMap catalogueIndex;

        PeerRecommender(String name, Dataset train, Scorer scorer) {
            this.name = name;
            this.train = train;
            this.scorer = scorer;
            this.catalogueIndex = new CatalogueIndexMap(train::productIndex);
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String family() {
            return FAMILY_COLLABORATIVE;
        }

        @Override
        public String modelVersion() {
            return name;
        }

        @Override
        public RequestScorer scorer(RecommendationRequest request, ProductCatalog catalog) {
            int customer = train.customerIndex(request.customer().id());
            int[] productIndex = catalogueIndex.modelIndices(catalog);
            return new RequestScorer() {
                @Override
                public String modelVersion() {
                    return name;
                }

                @Override
                public double[] score(int[] candidates) {
                    int[] products = new int[candidates.length];
                    for (int i = 0; i < products.length; i++) {
                        products[i] = productIndex[candidates[i]];
                    }
                    if (customer < 0) {
                        double[] none = new double[products.length];
                        Arrays.fill(none, Double.NaN);
                        return none;
                    }
                    try {
                        return scorer.score(customer, products);
                    } catch (RuntimeException e) {
                        throw e;
                    } catch (Exception e) {
                        throw new IllegalStateException(name + " failed to score", e);
                    }
                }

                @Override
                public Explanation explain(int candidate) {
                    throw new UnsupportedOperationException("peer models do not explain");
                }
            };
        }
    }
}
