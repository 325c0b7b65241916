package org.finrec.api.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rule every recommender component serves by: train and save, load the version named, or keep the model. */
class ServedModelTest {

    private static final ModelLineage LINEAGE = new ModelLineage("test trainer", new TreeMap<>(Map.of("k", "3")),
            "test-bank", "0".repeat(64), Instant.parse("2026-01-02T03:04:05Z"), "0.1.0");

    @TempDir
    Path store;

    private final AtomicInteger trainings = new AtomicInteger();
    private final ServedModel<TallyCodec.Tally, String> served = new ServedModel<>();

    private Supplier<TallyCodec.Tally> trainer(String settings) {
        return () -> {
            trainings.incrementAndGet();
            return new TallyCodec.Tally(settings, new int[] {settings.length()}, new double[] {0.5});
        };
    }

    private ServedModel.Outcome<TallyCodec.Tally> configure(String version, String settings)
            throws ModelFileException {
        return served.configure("tally", store.toString(), version, TallyCodec.CODEC, settings, trainer(settings),
                model -> LINEAGE);
    }

    @Test
    void trainsAndSavesOnceThenKeepsTheModelForEqualSettings() throws Exception {
        ServedModel.Outcome<TallyCodec.Tally> first = configure("", "a");
        assertEquals(ServedModel.Source.TRAINED, first.source());
        assertNull(first.previous());
        assertTrue(Files.isRegularFile(first.saved().file()), first.summary());
        assertTrue(first.summary().startsWith("trained model " + first.model().version() + ", saved as "),
                first.summary());

        ServedModel.Outcome<TallyCodec.Tally> again = configure(" ", "a");
        assertEquals(ServedModel.Source.KEPT, again.source());
        assertFalse(again.swapped());
        assertNull(again.saved(), "the store holds the model already");
        assertEquals(1, trainings.get());

        ServedModel.Outcome<TallyCodec.Tally> other = configure("", "bb");
        assertEquals(ServedModel.Source.TRAINED, other.source());
        assertSame(first.model(), other.previous());
        assertEquals(2, trainings.get());
        assertSame(other.model(), served.model());
    }

    @Test
    void loadsTheVersionNamedByAPrefixAndRollsBackByConfiguration() throws Exception {
        TallyCodec.Tally a = configure("", "a").model();
        TallyCodec.Tally b = configure("", "bb").model();

        ServedModel.Outcome<TallyCodec.Tally> rolledBack = configure(a.version().substring(0, 12), "bb");
        assertEquals(ServedModel.Source.LOADED, rolledBack.source());
        assertSame(b, rolledBack.previous());
        assertTrue(a.sameContent(served.model()));
        assertEquals(a.version(), served.model().version());
        assertEquals(ServedModel.Source.KEPT, configure(a.version(), "bb").source(), "already serving it");
        assertEquals(2, trainings.get());
    }

    @Test
    void aVersionThatCannotBeHadLeavesThePreviousModelServing() throws Exception {
        TallyCodec.Tally a = configure("", "a").model();
        assertThrows(ModelFileException.class, () -> configure("0badc0de".repeat(8), "a"));
        assertSame(a, served.model());
        IllegalStateException noStore = assertThrows(IllegalStateException.class, () -> served.configure("tally",
                "", "0badc0de".repeat(8), TallyCodec.CODEC, "a", trainer("a"), model -> LINEAGE));
        assertTrue(noStore.getMessage().contains("model.store is empty"), noStore.getMessage());
        assertThrows(IllegalStateException.class, () -> served.configure("tally", store.toString(), "",
                TallyCodec.CODEC, "c", () -> {
                    throw new IllegalStateException("no Dataset service is bound");
                }, model -> LINEAGE));
        assertSame(a, served.model());
    }

    @Test
    void aModelTheComponentRefusesNeverServesAndThePreviousKeepsServing() throws Exception {
        TallyCodec.Tally a = configure("", "a").model();
        TallyCodec.Tally b = configure("", "bb").model();
        TallyCodec.Tally serving = configure(a.version(), "a").model(); // a, loaded, serves again; b is stored
        List<String> offered = new ArrayList<>();
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> served.configure("tally",
                store.toString(), b.version(), TallyCodec.CODEC, "a", trainer("a"), model -> LINEAGE, model -> {
                    offered.add(model.version());
                    throw new IllegalStateException("trained on another catalogue");
                }));
        assertEquals("trained on another catalogue", refused.getMessage());
        assertEquals(List.of(b.version()), offered);
        assertSame(serving, served.model());
        // a model kept as it is is not offered again
        served.configure("tally", store.toString(), a.version(), TallyCodec.CODEC, "a", trainer("a"),
                model -> LINEAGE, model -> offered.add("kept " + model.version()));
        assertEquals(List.of(b.version()), offered);
    }

    @Test
    void aModelThatCannotBeSavedServesAndTheFailureIsReported() throws Exception {
        Path notAFolder = Files.writeString(store.resolve("file"), "x");
        ServedModel.Outcome<TallyCodec.Tally> outcome = served.configure("tally", notAFolder.toString(), "",
                TallyCodec.CODEC, "a", trainer("a"), model -> LINEAGE);
        assertEquals(ServedModel.Source.TRAINED, outcome.source());
        assertNull(outcome.saved());
        assertTrue(outcome.saveFailure() != null);
        assertSame(outcome.model(), served.model());
    }

    @Test
    void nothingServesBeforeTheFirstConfiguration() {
        assertThrows(IllegalStateException.class, served::model);
    }
}
