package org.finrec.recommender.cf.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.finrec.api.data.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ModelStoreTest {

    @TempDir
    Path store;

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
    void aLoadedModelScoresAndExplainsBitIdentically(String label, Supplier<CfModel> trained) throws IOException {
        CfModel model = trained.get();
        ModelStore models = new ModelStore(store);
        Path file = models.save("cf", model, StoreFixtures.POSITIVE);
        assertEquals(store.resolve("cf").resolve(model.version() + ".cfmodel"), file);

        ModelArtifact.Stored loaded = models.load("cf", model.version(), model.algorithm());
        CfModel copy = loaded.model();
        assertEquals(model.version(), copy.version());
        assertEquals(model.algorithm(), copy.algorithm());
        assertEquals(StoreFixtures.POSITIVE, loaded.positiveKinds());

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
        List<Object> expected = StoreFixtures.answers(new CfRecommender("cf", model, StoreFixtures.POSITIVE));
        List<Object> actual = StoreFixtures.answers(new CfRecommender("cf", copy, loaded.positiveKinds()));
        assertEquals(expected.size(), actual.size(), label);
        for (int k = 0; k < expected.size(); k++) {
            if (expected.get(k) instanceof double[] scores) {
                assertArrayEquals(scores, (double[]) actual.get(k), label + ": answer " + k);
            } else {
                assertEquals(expected.get(k), actual.get(k), label + ": answer " + k);
            }
        }
        // the artifact holds everything: saving the loaded model gives the same bytes
        Path again = new ModelStore(store.resolve("again")).save("cf", copy, loaded.positiveKinds());
        assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(again), label);
    }

    @Test
    void savingLeavesOnlyTheArtifactAndReplacesAnEarlierCopy() throws IOException {
        CfModel model = als();
        ModelStore models = new ModelStore(store);
        Path file = models.save("als", model, StoreFixtures.POSITIVE);
        byte[] first = Files.readAllBytes(file);
        Files.write(file, new byte[] {1, 2, 3}); // a damaged copy is replaced by saving again
        assertEquals(file, models.save("als", model, StoreFixtures.POSITIVE));
        assertArrayEquals(first, Files.readAllBytes(file));
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList(), "no temporary file left behind");
        }
        assertEquals(List.of(model.version()), models.versions("als"));
        byte[] magic = Arrays.copyOf(first, ModelArtifact.MAGIC.length);
        assertArrayEquals(ModelArtifact.MAGIC, magic);
        assertEquals(first.length, ByteBuffer.wrap(first).getLong(ModelArtifact.MAGIC.length + Integer.BYTES));
    }

    private ModelArtifactException rejected(ModelStore models, String version, Algorithm algorithm, Path file,
            String problem) {
        ModelArtifactException e = assertThrows(ModelArtifactException.class,
                () -> models.load("als", version, algorithm));
        assertTrue(e.getMessage().contains(file.toString()), "names the file: " + e.getMessage());
        assertTrue(e.getMessage().contains(problem), "says '" + problem + "': " + e.getMessage());
        return e;
    }

    @Test
    void aFlippedByteAnywhereAfterTheHeaderIsAChecksumMismatch() throws IOException {
        CfModel model = als();
        ModelStore models = new ModelStore(store);
        Path file = models.save("als", model, StoreFixtures.POSITIVE);
        byte[] good = Files.readAllBytes(file);
        for (int at : new int[] {ModelArtifact.HEADER_BYTES, ModelArtifact.HEADER_BYTES + 7, good.length / 2,
                good.length - ModelArtifact.TRAILER_BYTES - 1, good.length - 1}) {
            byte[] bad = good.clone();
            bad[at] ^= 0x10;
            Files.write(file, bad);
            rejected(models, model.version(), Algorithm.ALS, file, "checksum mismatch");
        }
    }

    @Test
    void aTruncatedFileIsRejectedWithWhereItEnds() throws IOException {
        CfModel model = als();
        ModelStore models = new ModelStore(store);
        Path file = models.save("als", model, StoreFixtures.POSITIVE);
        byte[] good = Files.readAllBytes(file);
        for (int length : new int[] {good.length / 2, good.length - 1, 10, 0}) {
            Files.write(file, Arrays.copyOf(good, length));
            rejected(models, model.version(), Algorithm.ALS, file, "truncated at byte " + length);
        }
    }

    @Test
    void anArtifactOfAnotherAlgorithmIsRejected() throws IOException {
        CfModel model = als();
        ModelStore models = new ModelStore(store);
        Path file = models.save("als", model, StoreFixtures.POSITIVE);
        rejected(models, model.version(), Algorithm.BPR, file, "algorithm ALS in file but BPR configured");
    }

    @Test
    void aRenamedArtifactIsRejected() throws IOException {
        CfModel model = als();
        ModelStore models = new ModelStore(store);
        Path file = models.save("als", model, StoreFixtures.POSITIVE);
        Path renamed = file.resolveSibling("als-00000000.cfmodel");
        Files.move(file, renamed);
        rejected(models, "als-00000000", Algorithm.ALS, renamed, "model version " + model.version()
                + " in file but the file is named for als-00000000");
    }

    @Test
    void otherDamageIsNamedToo() throws IOException {
        CfModel model = als();
        ModelStore models = new ModelStore(store);
        Path file = models.save("als", model, StoreFixtures.POSITIVE);
        byte[] good = Files.readAllBytes(file);

        byte[] notAModel = good.clone();
        notAModel[1] = 'X';
        Files.write(file, notAModel);
        rejected(models, model.version(), Algorithm.ALS, file, "bad magic number");

        byte[] future = good.clone();
        ByteBuffer.wrap(future).putInt(ModelArtifact.MAGIC.length, 2);
        Files.write(file, future);
        rejected(models, model.version(), Algorithm.ALS, file, "format version 2 is not supported");

        byte[] longer = Arrays.copyOf(good, good.length + 3);
        Files.write(file, longer);
        rejected(models, model.version(), Algorithm.ALS, file, "3 unexpected bytes after the end");

        Files.write(file, good);
        Path missing = models.file("als", "als-12345678");
        rejected(models, "als-12345678", Algorithm.ALS, missing, "no such model artifact; the store holds "
                + model.version() + " for recommender als");
    }

    @Test
    void namesAndVersionsCannotLeaveTheStore() {
        ModelStore models = new ModelStore(store);
        for (String version : new String[] {"../als-1", "a/b", "..", ".hidden", ""}) {
            ModelArtifactException e = assertThrows(ModelArtifactException.class,
                    () -> models.load("als", version, Algorithm.ALS));
            assertTrue(e.getMessage().contains("cannot name a file of the model store"), e.getMessage());
        }
        ModelArtifactException e = assertThrows(ModelArtifactException.class,
                () -> models.save("../elsewhere", als(), StoreFixtures.POSITIVE));
        assertTrue(e.getMessage().contains("recommender name '../elsewhere'"), e.getMessage());
        assertFalse(Files.exists(store.resolveSibling("elsewhere")));
    }

    @Test
    void differentSeedsGiveDifferentVersionsSideBySide() throws IOException {
        ModelStore models = new ModelStore(store);
        CfModel first = als();
        CfModel second = StoreFixtures.train(StoreFixtures.settings(Algorithm.ALS, Similarity.COSINE, 7));
        assertNotEquals(first.version(), second.version());
        models.save("als", first, StoreFixtures.POSITIVE);
        models.save("als", second, StoreFixtures.POSITIVE);
        assertEquals(Stream.of(first.version(), second.version()).sorted().toList(), models.versions("als"));
    }
}
