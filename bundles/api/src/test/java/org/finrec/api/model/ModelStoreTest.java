package org.finrec.api.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.finrec.api.model.ModelFileException.Problem;
import org.finrec.api.model.TallyCodec.Tally;
import org.junit.jupiter.api.BeforeEach;
import java.nio.file.attribute.PosixFilePermissions;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

class ModelStoreTest {

    private static final String FINGERPRINT = "ab".repeat(32);
    private static final ModelLineage LINEAGE = new ModelLineage("test trainer", new TreeMap<>(Map.of("k", "3",
            "alpha", "0.5")), "test-data", FINGERPRINT, Instant.parse("2026-01-02T03:04:05.678Z"), "0.1.0");

    @TempDir
    Path folder;
    private ModelStore store;
    private final Tally model = tally(3);

    @BeforeEach
    void openStore() {
        store = ModelStore.at(folder);
    }

    private static Tally tally(int seed) {
        int[] counts = new int[50_000]; // beyond one 64 KiB buffer
        double[] weights = new double[counts.length];
        for (int k = 0; k < counts.length; k++) {
            counts[k] = k * seed;
            weights[k] = Math.sqrt(k + seed);
        }
        weights[7] = Double.NaN;
        return new Tally("tally é " + seed, counts, weights);
    }

    private static ModelFileException refused(Problem problem, Path file, String says, Executable load) {
        ModelFileException e = assertThrows(ModelFileException.class, load);
        assertEquals(problem, e.problem(), e.getMessage());
        assertEquals(file, e.file(), e.getMessage());
        assertTrue(e.getMessage().startsWith(file.toString()), "names the file: " + e.getMessage());
        assertTrue(e.getMessage().contains(says), "says '" + says + "': " + e.getMessage());
        return e;
    }

    @Test
    void aSavedModelLoadsWithItsContentAndVersionAndIsListedWithItsLineage() throws IOException {
        StoredModel stored = store.save("pop", model, TallyCodec.CODEC, LINEAGE);
        assertEquals(folder.resolve("pop").resolve(model.version() + ".frmodel"), stored.file());
        assertEquals(store.file("pop", model.version()), stored.file());
        assertEquals(new StoredModel("pop", model.version(), "org.finrec.test.tally", 1, stored.payloadBytes(),
                LINEAGE, stored.file()), stored);

        Tally loaded = store.load("pop", model.version(), TallyCodec.CODEC);
        assertTrue(model.sameContent(loaded));
        assertEquals(model.version(), loaded.version());
        assertEquals(Double.doubleToRawLongBits(model.weights[7]), Double.doubleToRawLongBits(loaded.weights[7]));
        assertEquals(List.of(stored), store.list("pop"));
        assertEquals(stored, store.describe("pop", model.version()));
        assertEquals(List.of(), store.list("other"));
    }

    @Test
    void aModelFileAndTheFolderMadeForItAreOpenToTheirOwnerOnly() throws IOException {
        assumeTrue(folder.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX permissions only");

        StoredModel stored = store.save("pop", model, TallyCodec.CODEC, LINEAGE);

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(stored.file())));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(stored.file()
                .getParent())));
    }

    @Test
    void stringsAndArraysLargerThanTheBufferRoundTrip() throws IOException {
        Tally large = new Tally("x".repeat(70_000) + "é", new int[0], new double[0]);
        Tally loaded = store.load("pop", store.save("pop", large, TallyCodec.CODEC, LINEAGE).version(),
                TallyCodec.CODEC);
        assertTrue(large.sameContent(loaded));
        assertEquals(70_001, loaded.label.length());
    }

    @Test
    void theVersionIsTheSha256OfTheTypeLineAndThePayload() throws IOException, NoSuchAlgorithmException {
        Tally model = tally(5);
        StoredModel stored = ModelStore.at(folder).save("pop", model, TallyCodec.CODEC, LINEAGE);
        byte[] file = Files.readAllBytes(stored.file());
        byte[] payload = Arrays.copyOfRange(file, (int) (file.length - stored.payloadBytes()), file.length);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update("org.finrec.test.tally/1\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(HexFormat.of().formatHex(sha.digest(payload)), model.version());
        assertTrue(ModelVersion.isVersion(model.version()));
        assertEquals(model.version(), tally(5).version(), "the same content, the same version");
        assertNotEquals(model.version(), tally(6).version());
        assertNotEquals(model.version(), ModelVersion.of(model, new TallyCodec("org.finrec.test.tally", 2)),
                "another format version is another model version");
    }

    @Test
    void savingAgainIsIdempotentAndReplacesOnlyADamagedCopy() throws IOException {
        StoredModel first = store.save("pop", model, TallyCodec.CODEC, LINEAGE);
        byte[] bytes = Files.readAllBytes(first.file());
        ModelLineage later = new ModelLineage("retrained", new TreeMap<>(), "other-name", FINGERPRINT,
                Instant.parse("2026-05-01T00:00:00Z"), "0.2.0");
        assertEquals(first, store.save("pop", tally(3), TallyCodec.CODEC, later), "the first lineage is kept");
        assertArrayEquals(bytes, Files.readAllBytes(first.file()));

        Files.write(first.file(), new byte[] {1, 2, 3});
        StoredModel replaced = store.save("pop", model, TallyCodec.CODEC, later);
        assertEquals(later, replaced.lineage());
        assertTrue(model.sameContent(store.load("pop", model.version(), TallyCodec.CODEC)));
        try (Stream<Path> files = Files.list(first.file().getParent())) {
            assertEquals(List.of(first.file()), files.toList(), "no temporary file left behind");
        }
        Path copy = folder.resolve("copy");
        ModelStore.at(copy).save("pop", model, TallyCodec.CODEC, later);
        assertArrayEquals(Files.readAllBytes(first.file()), Files.readAllBytes(copy.resolve("pop")
                .resolve(model.version() + ".frmodel")), "the same model and lineage give the same bytes");
    }

    @Test
    void aModelWhoseVersionIsNotItsContentHashIsNotSaved() throws IOException {
        Tally lying = new Tally(model.label, model.counts, model.weights, "cd".repeat(32));
        refused(Problem.CORRUPT, store.file("pop", model.version()), "the model reports version " + "cd".repeat(32),
                () -> store.save("pop", lying, TallyCodec.CODEC, LINEAGE));
        try (Stream<Path> files = Files.list(folder.resolve("pop"))) {
            assertEquals(List.of(), files.toList(), "neither the file nor a temporary one");
        }
    }

    @Test
    void aChangedByteAnywhereIsRefused() throws IOException {
        Path file = store.save("pop", model, TallyCodec.CODEC, LINEAGE).file();
        byte[] good = Files.readAllBytes(file);
        int payload = (int) (good.length - store.describe("pop", model.version()).payloadBytes());
        for (int at : new int[] {0, 9, 20, payload - 5, payload - 1, payload, payload + 7, good.length / 2,
                good.length - 1}) {
            byte[] bad = good.clone();
            bad[at] ^= 0x10;
            Files.write(file, bad);
            ModelFileException e = assertThrows(ModelFileException.class,
                    () -> store.load("pop", model.version(), TallyCodec.CODEC), "byte " + at);
            assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
            assertTrue(e.problem() == Problem.CORRUPT || e.problem() == Problem.TRUNCATED, at + ": " + e);
        }
        byte[] bad = good.clone();
        bad[good.length / 2] ^= 0x10;
        Files.write(file, bad);
        refused(Problem.CORRUPT, file, "content hash mismatch",
                () -> store.load("pop", model.version(), TallyCodec.CODEC));
        assertEquals(model.version(), store.describe("pop", model.version()).version(),
                "describe reads the header alone");
        bad = good.clone();
        bad[payload - 5] ^= 0x10;
        Files.write(file, bad);
        refused(Problem.CORRUPT, file, "header checksum mismatch",
                () -> store.load("pop", model.version(), TallyCodec.CODEC));
        bad = good.clone();
        bad[1] = 'X';
        Files.write(file, bad);
        refused(Problem.CORRUPT, file, "bad magic number", () -> store.load("pop", model.version(), TallyCodec.CODEC));
        bad = good.clone();
        ByteBuffer.wrap(bad).putInt(8, 2);
        Files.write(file, bad);
        refused(Problem.CORRUPT, file, "file format 2 is not supported",
                () -> store.load("pop", model.version(), TallyCodec.CODEC));
        Files.write(file, Arrays.copyOf(good, good.length + 3));
        refused(Problem.CORRUPT, file, "3 unexpected bytes after the end",
                () -> store.load("pop", model.version(), TallyCodec.CODEC));
        assertEquals(List.of(), store.list("pop"), "a damaged header is left out of the list");
    }

    @Test
    void aTruncatedFileIsRefusedWithWhereItEnds() throws IOException {
        Path file = store.save("pop", model, TallyCodec.CODEC, LINEAGE).file();
        byte[] good = Files.readAllBytes(file);
        for (int length : new int[] {good.length - 1, good.length / 2, 200, 30, 10, 0}) {
            Files.write(file, Arrays.copyOf(good, length));
            refused(Problem.TRUNCATED, file, "truncated at byte " + length,
                    () -> store.load("pop", model.version(), TallyCodec.CODEC));
        }
    }

    @Test
    void aRenamedFileIsRefused() throws IOException {
        Path file = store.save("pop", model, TallyCodec.CODEC, LINEAGE).file();
        String other = tally(4).version();
        Path renamed = store.file("pop", other);
        Files.move(file, renamed);
        refused(Problem.RENAMED, renamed, "holds model version " + model.version() + " but the file is named for "
                + other, () -> store.load("pop", other, TallyCodec.CODEC));
    }

    @Test
    void aFileOfAnotherTypeOrFormatIsRefused() throws IOException {
        Path file = store.save("pop", model, TallyCodec.CODEC, LINEAGE).file();
        refused(Problem.MISMATCHED, file, "holds a model of type org.finrec.test.tally format 1, but type"
                + " org.finrec.test.other format 1 was asked for",
                () -> store.load("pop", model.version(), new TallyCodec("org.finrec.test.other", 1)));
        refused(Problem.MISMATCHED, file, "but type org.finrec.test.tally format 2 was asked for",
                () -> store.load("pop", model.version(), new TallyCodec("org.finrec.test.tally", 2)));
    }

    @Test
    void aPayloadTheCodecCannotReadIsRefusedAtItsByte() throws IOException {
        Path file = store.save("pop", model, TallyCodec.CODEC, LINEAGE).file();
        ModelCodec<Tally> partial = new TallyCodec("org.finrec.test.tally", 1) {
            @Override
            public Tally read(ModelInput in, String version) throws IOException {
                return new Tally(in.readString(), new int[0], new double[0], version);
            }
        };
        refused(Problem.CORRUPT, file, "left " + (model.counts.length * 12L + 8) + " payload bytes unread",
                () -> store.load("pop", model.version(), partial));
        ModelCodec<Tally> strict = new TallyCodec("org.finrec.test.tally", 1) {
            @Override
            public Tally read(ModelInput in, String version) throws IOException {
                in.readString();
                in.readInts(3);
                throw new AssertionError("unreachable");
            }
        };
        refused(Problem.CORRUPT, file, "an array of 50000 values where 3 belong",
                () -> store.load("pop", model.version(), strict));
        ModelCodec<Tally> greedy = new TallyCodec("org.finrec.test.tally", 1) {
            @Override
            public Tally read(ModelInput in, String version) throws IOException {
                in.readString();
                in.readInts();
                in.readDoubles();
                in.readLong();
                throw new AssertionError("unreachable");
            }
        };
        refused(Problem.CORRUPT, file, "needs 8 bytes, the payload has 0 left",
                () -> store.load("pop", model.version(), greedy));
    }

    @Test
    void aMissingVersionNamesTheVersionsStored() throws IOException {
        store.save("pop", model, TallyCodec.CODEC, LINEAGE);
        String absent = tally(9).version();
        refused(Problem.MISSING, store.file("pop", absent), "no such model file; the store holds " + model.version()
                + " for recommender pop", () -> store.load("pop", absent, TallyCodec.CODEC));
        refused(Problem.MISSING, store.file("none", absent), "the store holds no version for recommender none",
                () -> store.load("none", absent, TallyCodec.CODEC));
    }

    @Test
    void aUniquePrefixOfTwelveDigitsSelectsAVersionAndAnAmbiguousOneNamesTheCandidates() throws IOException {
        Path file = store.save("pop", model, TallyCodec.CODEC, LINEAGE).file();
        String prefix = model.version().substring(0, ModelVersion.MIN_PREFIX);
        assertEquals(model.version(), store.load("pop", prefix, TallyCodec.CODEC).version());
        assertTrue(ModelVersion.selects(prefix, model.version()));
        assertFalse(ModelVersion.selects(prefix.substring(1), model.version()));
        refused(Problem.INVALID_NAME, folder, "a unique prefix of at least 12",
                () -> store.load("pop", prefix.substring(1), TallyCodec.CODEC));
        String other = prefix + "f".repeat(ModelVersion.LENGTH - prefix.length());
        assertNotEquals(model.version(), other);
        Files.copy(file, store.file("pop", other));
        refused(Problem.AMBIGUOUS, folder.resolve("pop"), "model version " + prefix + " is ambiguous: it starts "
                + String.join(", ", Stream.of(model.version(), other).sorted().toList()),
                () -> store.load("pop", prefix, TallyCodec.CODEC));
        String unknown = "0123456789ab";
        refused(Problem.MISSING, folder.resolve("pop"), "no model version starts with " + unknown,
                () -> store.load("pop", unknown, TallyCodec.CODEC));
    }

    @Test
    void namesAndVersionsCannotLeaveTheStore() throws IOException {
        ModelStore store = ModelStore.at(folder.resolve("store"));
        for (String version : new String[] {"../" + model.version(), "a/b", "..", ".hidden", "", "ABCDEF0123456789",
            model.version() + "/../x"}) {
            refused(Problem.INVALID_NAME, store.folder(), "cannot name a file of the model store",
                    () -> store.load("pop", version, TallyCodec.CODEC));
        }
        for (String name : new String[] {"../elsewhere", "..", ".", "a/b", "", "a\\b"}) {
            refused(Problem.INVALID_NAME, store.folder(), "recommender name '" + name + "'",
                    () -> store.save(name, model, TallyCodec.CODEC, LINEAGE));
            refused(Problem.INVALID_NAME, store.folder(), "recommender name '" + name + "'", () -> store.list(name));
        }
        assertFalse(Files.exists(folder.resolve("elsewhere")));
        assertFalse(Files.exists(store.folder()), "nothing was created");
    }

    @Test
    void versionsAreListedOldestFirst() throws IOException {
        List<String> expected = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            Tally model = tally(10 + k);
            ModelLineage lineage = new ModelLineage("t", new TreeMap<>(), "d", FINGERPRINT,
                    Instant.parse("2026-01-01T00:00:00Z").minusSeconds(k * 60L), "0.1.0");
            store.save("pop", model, TallyCodec.CODEC, lineage);
            expected.add(0, model.version());
        }
        assertEquals(expected, store.list("pop").stream().map(StoredModel::version).toList());
    }

    @Test
    void concurrentSavesAndLoadsOfOneVersionSeeOnlyWholeFiles() throws Exception {
        store.save("pop", model, TallyCodec.CODEC, LINEAGE);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int k = 0; k < 40; k++) {
                boolean save = k % 2 == 0;
                Path elsewhere = folder.resolve("copy" + k % 8 / 2);
                results.add(threads.submit(() -> {
                    if (save) {
                        ModelStore.at(elsewhere).save("pop", model, TallyCodec.CODEC, LINEAGE);
                        return true;
                    }
                    return model.sameContent(ModelStore.at(elsewhere).load("pop", model.version(), TallyCodec.CODEC));
                }));
            }
            for (Future<Boolean> result : results) {
                try {
                    assertTrue(result.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    // a load may run before the first save of its folder: that is a missing file, nothing else
                    ModelFileException missing = (ModelFileException) e.getCause();
                    assertEquals(Problem.MISSING, missing.problem(), missing.getMessage());
                }
            }
        } finally {
            threads.shutdownNow();
        }
        for (int k = 0; k < 4; k++) {
            try (Stream<Path> files = Files.list(folder.resolve("copy" + k).resolve("pop"))) {
                assertEquals(1, files.count(), "one file, no temporary one");
            }
        }
    }
}
