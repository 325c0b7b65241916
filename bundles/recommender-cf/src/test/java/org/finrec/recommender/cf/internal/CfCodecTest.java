package org.finrec.recommender.cf.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.finrec.api.data.ProgressListener;
import org.finrec.api.model.ModelFileException;
import org.finrec.api.model.ModelFileException.Problem;
import org.finrec.api.model.ModelLineage;
import org.finrec.api.model.ModelStore;
import org.finrec.api.model.ModelVersion;
import org.finrec.api.model.StoredModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The codecs of the four CF model types, through the shared model store: round trips and damaged files. */
class CfCodecTest {

    private static final ModelLineage LINEAGE = StoreFixtures.lineage();

    @TempDir
    Path folder;

    /** Every algorithm, and every variant that stores something different. */
    static Stream<Arguments> models() {
        return Stream.of(
                model("user kNN cosine", () -> StoreFixtures.train(settings(Algorithm.USER_KNN, Similarity.COSINE))),
                model("user kNN Pearson", () -> StoreFixtures.train(settings(Algorithm.USER_KNN, Similarity.PEARSON))),
                model("user kNN Euclidean",
                        () -> StoreFixtures.train(settings(Algorithm.USER_KNN, Similarity.EUCLIDEAN))),
                model("item kNN cosine", () -> StoreFixtures.train(settings(Algorithm.ITEM_KNN, Similarity.COSINE))),
                model("item kNN adjusted cosine",
                        () -> StoreFixtures.train(settings(Algorithm.ITEM_KNN, Similarity.ADJUSTED_COSINE))),
                model("item kNN, held products' neighbourhoods",
                        () -> new ItemKnnTrainer(settings(Algorithm.ITEM_KNN, Similarity.COSINE),
                                ItemKnnModel.Rule.HELD).train(StoreFixtures.DATA, ProgressListener.NONE)),
                model("ALS", () -> StoreFixtures.train(settings(Algorithm.ALS, Similarity.COSINE))),
                model("ALS, plain lambda", () -> new AlsTrainer(settings(Algorithm.ALS, Similarity.COSINE), false, 2)
                        .train(StoreFixtures.DATA, ProgressListener.NONE)),
                model("BPR", () -> StoreFixtures.train(settings(Algorithm.BPR, Similarity.COSINE))),
                model("BPR, mean fold-in", () -> new BprTrainer(settings(Algorithm.BPR, Similarity.COSINE),
                        BprModel.FoldIn.MEAN).train(StoreFixtures.DATA, ProgressListener.NONE)));
    }

    private static Arguments model(String label, Supplier<CfModel> model) {
        return Arguments.of(label, model);
    }

    private static CfSettings settings(Algorithm algorithm, Similarity similarity) {
        return StoreFixtures.settings(algorithm, similarity, 42);
    }

    private static CfModel als() {
        return StoreFixtures.train(settings(Algorithm.ALS, Similarity.COSINE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void aLoadedModelScoresAndExplainsBitIdenticallyUnderTheSameVersion(String label, Supplier<CfModel> trained)
            throws IOException {
        CfModel model = trained.get();
        assertEquals(model.version(), trained.get().version(), label + ": training again gives the same version");
        assertEquals(ModelVersion.of(model, model.algorithm().codec()), model.version(), label);
        ModelStore store = ModelStore.at(folder);
        StoredModel stored = store.save("cf", model, model.algorithm().codec(), LINEAGE);
        assertEquals(folder.resolve("cf").resolve(model.version() + ModelStore.EXTENSION), stored.file());
        assertEquals(model.algorithm().codec().type(), stored.type());

        CfModel copy = store.load("cf", model.version(), model.algorithm().codec());
        assertEquals(model.getClass(), copy.getClass());
        assertEquals(model.version(), copy.version());
        assertEquals(ModelVersion.of(copy, copy.algorithm().codec()), copy.version(), "the copy encodes alike");
        assertEquals(StoreFixtures.POSITIVE, copy.matrix().positiveKinds());

        // every training customer, as known and as unknown, straight from the models
        FeedbackMatrix matrix = model.matrix();
        for (int u = 0; u < matrix.users(); u++) {
            int[] row = matrix.itemsOf(u);
            for (int known : new int[] {u, -1}) {
                float[] expected = new float[matrix.items()];
                float[] actual = new float[matrix.items()];
                model.score(known, row, expected);
                copy.score(known, row, actual);
                assertArrayEquals(expected, actual, label + ": customer " + u + (known < 0 ? " as unknown" : ""));
            }
        }
        // through the component: scores and explanations of known, changed, unknown and empty customers
        List<Object> expected = StoreFixtures.answers(new CfRecommender("cf", model));
        List<Object> actual = StoreFixtures.answers(new CfRecommender("cf", copy));
        assertEquals(expected.size(), actual.size(), label);
        for (int k = 0; k < expected.size(); k++) {
            if (expected.get(k) instanceof double[] scores) {
                assertArrayEquals(scores, (double[]) actual.get(k), label + ": answer " + k);
            } else {
                assertEquals(expected.get(k), actual.get(k), label + ": answer " + k);
            }
        }
        // the file holds everything: saving the loaded model with the same lineage gives the same bytes
        StoredModel again = ModelStore.at(folder.resolve("again")).save("cf", copy, copy.algorithm().codec(),
                LINEAGE);
        assertArrayEquals(Files.readAllBytes(stored.file()), Files.readAllBytes(again.file()), label);
    }

    @Test
    void aCodecRefusesAModelOfAnotherAlgorithm() {
        CfModel model = als();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelVersion.of(model, Algorithm.BPR.codec()));
        assertTrue(e.getMessage().contains("codec org.finrec.cf.bpr stores BprModel models, not AlsModel"),
                e.getMessage());
        assertEquals(4, Stream.of(Algorithm.values()).map(algorithm -> algorithm.codec().type()).distinct().count());
    }

    private static ModelFileException refused(Problem problem, Path file, String says, Executable load) {
        ModelFileException e = assertThrows(ModelFileException.class, load);
        assertEquals(problem, e.problem(), e.getMessage());
        assertTrue(e.getMessage().startsWith(file.toString()), "names the file: " + e.getMessage());
        assertTrue(e.getMessage().contains(says), "says '" + says + "': " + e.getMessage());
        return e;
    }

    @Test
    void damagedFilesAreRefusedNamingTheFileAndTheProblem() throws IOException {
        CfModel model = als();
        ModelStore store = ModelStore.at(folder);
        StoredModel stored = store.save("als", model, Algorithm.ALS.codec(), LINEAGE);
        Path file = stored.file();
        byte[] good = Files.readAllBytes(file);
        int payload = (int) (good.length - stored.payloadBytes());
        Executable load = () -> store.load("als", model.version(), Algorithm.ALS.codec());

        for (int at : new int[] {payload, payload + 7, good.length / 2, good.length - 1}) {
            byte[] bad = good.clone();
            bad[at] ^= 0x10;
            Files.write(file, bad);
            refused(Problem.CORRUPT, file, "content hash mismatch", load);
        }
        byte[] bad = good.clone();
        bad[payload - 8] ^= 0x10;
        Files.write(file, bad);
        refused(Problem.CORRUPT, file, "header checksum mismatch", load);
        for (int length : new int[] {good.length / 2, good.length - 1, 10, 0}) {
            Files.write(file, Arrays.copyOf(good, length));
            refused(Problem.TRUNCATED, file, "truncated at byte " + length, load);
        }
        Files.write(file, good);
        refused(Problem.MISMATCHED, file, "holds a model of type org.finrec.cf.als format 1, but type"
                + " org.finrec.cf.bpr format 1 was asked for",
                () -> store.load("als", model.version(), Algorithm.BPR.codec()));
        String other = "1".repeat(ModelVersion.LENGTH);
        Path renamed = store.file("als", other);
        Files.move(file, renamed);
        refused(Problem.RENAMED, renamed, "holds model version " + model.version() + " but the file is named for "
                + other, () -> store.load("als", other, Algorithm.ALS.codec()));
        refused(Problem.MISSING, file, "the store holds " + other + " for recommender als", load);
    }

    @Test
    void namesAndVersionsCannotLeaveTheStore() {
        ModelStore store = ModelStore.at(folder.resolve("store"));
        for (String version : new String[] {"../als-1", "a/b", "..", ".hidden", ""}) {
            refused(Problem.INVALID_NAME, store.folder(), "cannot name a file of the model store",
                    () -> store.load("als", version, Algorithm.ALS.codec()));
        }
        refused(Problem.INVALID_NAME, store.folder(), "recommender name '../elsewhere'",
                () -> store.save("../elsewhere", als(), Algorithm.ALS.codec(), LINEAGE));
        assertFalse(Files.exists(folder.resolve("elsewhere")));
    }

    @Test
    void differentSeedsGiveDifferentVersionsSideBySide() throws IOException {
        ModelStore store = ModelStore.at(folder);
        CfModel first = als();
        CfModel second = StoreFixtures.train(StoreFixtures.settings(Algorithm.ALS, Similarity.COSINE, 7));
        assertNotEquals(first.version(), second.version());
        store.save("als", first, Algorithm.ALS.codec(), LINEAGE);
        store.save("als", second, Algorithm.ALS.codec(), LINEAGE);
        assertEquals(Stream.of(first.version(), second.version()).sorted().toList(),
                store.list("als").stream().map(StoredModel::version).sorted().toList());
    }
}
