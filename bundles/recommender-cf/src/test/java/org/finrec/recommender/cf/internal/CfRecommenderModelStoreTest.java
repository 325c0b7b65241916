package org.finrec.recommender.cf.internal;

import static org.finrec.api.spi.ProductListScoring.score;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.finrec.api.Product;
import org.finrec.api.model.DatasetFingerprint;
import org.finrec.api.model.ModelStore;
import org.finrec.api.model.ModelVersion;
import org.finrec.api.model.StoredModel;
import org.finrec.api.recommend.RecommendationRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The component with a model store: training saves, {@code model.version} loads, {@code @Modified} swaps, a bad
 * version keeps the previous model serving, rollback is a configuration change, and scoring never fails during a
 * swap.
 */
class CfRecommenderModelStoreTest {

    private static final String NAME = "als";

    @TempDir
    Path store;

    private final StoreFixtures.RecordingLogger log = new StoreFixtures.RecordingLogger();
    /** Two versions of the same recommender, both stored: the older and the newer. */
    private CfModel older;
    private CfModel newer;

    @BeforeEach
    void storeTwoVersions() throws IOException {
        older = StoreFixtures.train(StoreFixtures.settings(Algorithm.ALS, Similarity.COSINE, 1));
        newer = StoreFixtures.train(StoreFixtures.settings(Algorithm.ALS, Similarity.COSINE, 2));
        assertNotEquals(older.version(), newer.version());
        ModelStore models = ModelStore.at(store);
        models.save(NAME, older, Algorithm.ALS.codec(), StoreFixtures.lineage());
        models.save(NAME, newer, Algorithm.ALS.codec(), StoreFixtures.lineage());
    }

    private CfSetup version(String version) {
        return StoreFixtures.configuration(NAME, Algorithm.ALS, store, version);
    }

    private static List<double[]> scores(CfRecommender recommender) {
        List<double[]> scores = new ArrayList<>();
        for (RecommendationRequest request : StoreFixtures.requests()) {
            scores.add(score(recommender, request, StoreFixtures.candidates()));
        }
        return scores;
    }

    private static List<double[]> scores(CfModel model) {
        return scores(new CfRecommender(NAME, model));
    }

    private static void assertSameScores(List<double[]> expected, List<double[]> actual) {
        assertEquals(expected.size(), actual.size());
        for (int k = 0; k < expected.size(); k++) {
            assertArrayEquals(expected.get(k), actual.get(k), "request " + k);
        }
    }

    @Test
    void withoutAVersionItTrainsAndSavesTheModelUnderItsVersion() throws IOException {
        Path fresh = store.resolve("fresh");
        CfRecommender recommender = new CfRecommender(StoreFixtures.configuration("trained", Algorithm.BPR, fresh,
                ""), StoreFixtures.DATA, log.logger);
        String version = recommender.modelVersion();
        assertTrue(ModelVersion.isVersion(version), version);
        Path file = fresh.resolve("trained").resolve(version + ModelStore.EXTENSION);
        assertTrue(Files.isRegularFile(file), "saved as " + file);
        assertTrue(log.at("info").stream().anyMatch(entry -> entry.message().contains(file.toString())));
        StoredModel stored = ModelStore.at(fresh).describe("trained", version);
        assertEquals(BprTrainer.class.getName(), stored.lineage().trainer());
        assertEquals(CfRecommender.lineageParameters(StoreFixtures.configuration("trained",
                Algorithm.BPR, fresh, "").settings()), stored.lineage().parameters());
        assertEquals("20", stored.lineage().parameters().get("epochs"));
        assertEquals(StoreFixtures.DATA.name(), stored.lineage().datasetName());
        assertEquals(DatasetFingerprint.of(StoreFixtures.DATA), stored.lineage().datasetFingerprint());

        // training again with the same settings on the same data is idempotent: the same version, the same file
        CfRecommender again = new CfRecommender(StoreFixtures.configuration("trained", Algorithm.BPR, fresh, ""),
                StoreFixtures.DATA, log.logger);
        assertEquals(version, again.modelVersion());
        assertEquals(List.of(stored), ModelStore.at(fresh).list("trained"));

        // and that artifact serves, without any dataset, exactly what the trained model served
        CfRecommender loaded = new CfRecommender(StoreFixtures.configuration("trained", Algorithm.BPR, fresh,
                version), null, log.logger);
        assertEquals(version, loaded.modelVersion());
        assertSameScores(scores(recommender), scores(loaded));
    }

    @Test
    void aNamedVersionIsLoadedInsteadOfTrained() {
        CfRecommender recommender = new CfRecommender(version(older.version()), null, log.logger);
        assertEquals(older.version(), recommender.modelVersion());
        assertEquals(NAME, recommender.name());
        assertSameScores(scores(older), scores(recommender));
    }

    @Test
    void aUniquePrefixOfTheVersionSelectsIt() {
        String prefix = older.version().substring(0, ModelVersion.MIN_PREFIX);
        CfRecommender recommender = new CfRecommender(version(prefix), null, log.logger);
        assertEquals(older.version(), recommender.modelVersion());
        reconfigured(recommender, () -> version(newer.version().substring(0, 20)));
        assertEquals(newer.version(), recommender.modelVersion());
        reconfigured(recommender, () -> version(prefix));
        assertEquals(older.version(), recommender.modelVersion());
        assertTrue(log.at("error").isEmpty(), log.logged.toString());
    }

    @Test
    void activationFailsClearlyWhenNoModelCanBeHad() throws IOException {
        Path file = store.resolve(NAME).resolve(newer.version() + ModelStore.EXTENSION);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 1;
        Files.write(file, bytes);
        IllegalStateException corrupt = assertThrows(IllegalStateException.class,
                () -> new CfRecommender(version(newer.version()), StoreFixtures.DATA, log.logger));
        assertTrue(corrupt.getMessage().contains(file.toString()) && corrupt.getMessage().contains(
                "content hash mismatch"), corrupt.getMessage());

        IllegalStateException noStore = assertThrows(IllegalStateException.class, () -> new CfRecommender(
                StoreFixtures.configuration(NAME, Algorithm.ALS, null, older.version()), StoreFixtures.DATA,
                log.logger));
        assertTrue(noStore.getMessage().contains("model.store is empty"), noStore.getMessage());

        IllegalStateException wrongAlgorithm = assertThrows(IllegalStateException.class, () -> new CfRecommender(
                StoreFixtures.configuration(NAME, Algorithm.BPR, store, older.version()), null, log.logger));
        assertTrue(wrongAlgorithm.getMessage().contains("holds a model of type org.finrec.cf.als format 1, but"
                + " type org.finrec.cf.bpr format 1 was asked for"), wrongAlgorithm.getMessage());

        IllegalStateException noDataset = assertThrows(IllegalStateException.class,
                () -> new CfRecommender(version(""), null, log.logger));
        assertTrue(noDataset.getMessage().contains("no Dataset service is bound"), noDataset.getMessage());
    }

    @Test
    void modifiedToACorruptVersionKeepsServingThePreviousModelAndLogs() throws IOException {
        CfRecommender recommender = new CfRecommender(version(older.version()), null, log.logger);
        List<double[]> before = scores(recommender);
        Path file = store.resolve(NAME).resolve(newer.version() + ModelStore.EXTENSION);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 3] ^= 0x40;
        Files.write(file, bytes);

        reconfigured(recommender, () -> version(newer.version()));

        assertEquals(older.version(), recommender.modelVersion());
        assertSameScores(before, scores(recommender));
        List<StoreFixtures.Logged> errors = log.at("error");
        assertEquals(1, errors.size(), errors.toString());
        String message = errors.get(0).message();
        assertTrue(message.contains(file.toString()) && message.contains("content hash mismatch")
                && message.contains("still serving model " + older.version()), message);

        // a missing version and a mismatched algorithm are kept out the same way
        reconfigured(recommender, () -> version("0badc0de".repeat(8)));
        reconfigured(recommender, () -> StoreFixtures.configuration(NAME, Algorithm.BPR, store, older.version()));
        assertEquals(older.version(), recommender.modelVersion());
        assertSameScores(before, scores(recommender));
        assertEquals(3, log.at("error").size());
        assertTrue(log.at("error").get(1).message().contains("no such model file"));
        assertTrue(log.at("error").get(2).message().contains("but type org.finrec.cf.bpr format 1 was asked for"));
        reconfigured(recommender, () -> version("als-0badc0de")); // not a version at all
        assertTrue(log.at("error").get(3).message().contains("cannot name a file of the model store"));
        assertEquals(older.version(), recommender.modelVersion());
    }

    @Test
    void modifiedToAnotherVersionSwapsAndAnOlderOneRollsBack() {
        CfRecommender recommender = new CfRecommender(version(older.version()), null, log.logger);
        reconfigured(recommender, () -> version(newer.version()));
        assertEquals(newer.version(), recommender.modelVersion());
        assertSameScores(scores(newer), scores(recommender));

        reconfigured(recommender, () -> version(older.version())); // rollback
        assertEquals(older.version(), recommender.modelVersion());
        assertSameScores(scores(older), scores(recommender));
        assertTrue(log.at("error").isEmpty(), log.logged.toString());
        assertTrue(log.at("info").stream().anyMatch(entry -> entry.message().contains("now serves model "
                + older.version() + " (was " + newer.version() + ")")), log.logged.toString());
    }

    @Test
    void modifiedToAnEmptyVersionTrainsOnTheDataset() {
        CfRecommender recommender = new CfRecommender(version(older.version()), StoreFixtures.DATA, log.logger);
        reconfigured(recommender, () -> version(""));
        CfModel trained = StoreFixtures.train(version("").settings());
        assertEquals(trained.version(), recommender.modelVersion());
        assertTrue(Files.isRegularFile(store.resolve(NAME).resolve(trained.version() + ModelStore.EXTENSION)));
        // the same configuration again changes nothing (no retraining: same settings, same dataset)
        reconfigured(recommender, () -> StoreFixtures.setup(Algorithm.ALS, Map.of("finrec.recommender.name", NAME,
                "factors", 6, "iterations", 5, "threads", 1, "model.store", store.toString())));
        assertEquals(trained.version(), recommender.modelVersion());
        // loaded; saved the trained model; now serves it; and nothing more
        assertEquals(3, log.at("info").size(), log.logged.toString());
        assertTrue(log.at("info").get(1).message().contains("saved model " + trained.version()));
    }

    @Test
    void concurrentScoringDuringSwapsNeverFailsAndAlwaysComesFromOneModel() throws Exception {
        CfRecommender recommender = new CfRecommender(version(older.version()), null, log.logger);
        List<RecommendationRequest> requests = StoreFixtures.requests();
        List<Product> candidates = StoreFixtures.candidates();
        List<double[]> fromOlder = scores(older);
        List<double[]> fromNewer = scores(newer);
        int threads = 8;
        AtomicBoolean swapping = new AtomicBoolean(true);
        AtomicLong calls = new AtomicLong();
        AtomicLong olderSeen = new AtomicLong();
        AtomicLong newerSeen = new AtomicLong();
        CountDownLatch started = new CountDownLatch(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> scorers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t;
                scorers.add(pool.submit(() -> {
                    started.countDown();
                    for (int n = offset; swapping.get(); n++) {
                        int r = n % requests.size();
                        double[] scores = score(recommender, requests.get(r), candidates);
                        if (Arrays.equals(scores, fromOlder.get(r))) {
                            olderSeen.incrementAndGet();
                        } else if (Arrays.equals(scores, fromNewer.get(r))) {
                            newerSeen.incrementAndGet();
                        } else {
                            throw new AssertionError("request " + r + " scored by neither model: "
                                    + Arrays.toString(scores));
                        }
                        calls.incrementAndGet();
                    }
                    return null;
                }));
            }
            assertTrue(started.await(10, TimeUnit.SECONDS));
            for (int flip = 1; flip <= 20; flip++) {
                CfModel next = flip % 2 == 1 ? newer : older;
                reconfigured(recommender, () -> version(next.version()));
                assertEquals(next.version(), recommender.modelVersion());
                long seen = calls.get();
                // let the scorers make calls on this version (unless one failed: get() below reports it)
                while (calls.get() < seen + threads && scorers.stream().noneMatch(Future::isDone)) {
                    Thread.onSpinWait();
                }
            }
            swapping.set(false);
            for (Future<?> scorer : scorers) {
                scorer.get(30, TimeUnit.SECONDS); // rethrows any failure
            }
        } finally {
            swapping.set(false);
            pool.shutdownNow();
        }
        assertTrue(olderSeen.get() > 0 && newerSeen.get() > 0, olderSeen + " / " + newerSeen);
        assertTrue(log.at("error").isEmpty(), log.logged.toString());
        assertEquals(older.version(), recommender.modelVersion());
    }

    /** Applies a configuration change and waits until the recommender's reconfiguration thread has applied it. */
    private static void reconfigured(CfRecommender recommender, java.util.function.Supplier<CfSetup> setup) {
        recommender.reconfigure(setup);
        try {
            assertTrue(recommender.awaitReconfigured(60_000), "reconfigured within a minute");
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", interrupted);
        }
    }
}
