package org.finrec.recommender.sequential.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CancellationException;
import org.finrec.api.Customer;
import org.finrec.api.Interaction;
import org.finrec.api.InteractionKind;
import org.finrec.api.Product;
import org.finrec.api.config.InvalidConfigurationException;
import org.finrec.api.data.Dataset;
import org.finrec.api.data.ProgressListener;
import org.finrec.api.model.ModelLineage;
import org.finrec.api.model.ModelStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.util.converter.Converters;

/** Trains on sequences whose next product is always the following one of a cycle, which the model must learn. */
class SequentialTrainerTest {

    private static final int PRODUCTS = 30;

    @Test
    void learnsWhatComesNextAndServesIt() {
        Dataset cycle = cycle(300, 11);
        SequentialSettings settings = SequentialSettings.read("test", defaults(), Map.of("width", 16,
                "layers", 1, "dropout", 0.1, "epochs", 40, "learning.rate", 0.01, "warmup.steps", 0,
                "patience", 40, "batch.size", 64));
        List<String> lines = new ArrayList<>();
        SequentialModel model = new SequentialTrainer(settings, Device.cpu(), "test", lines::add, () -> false)
                .train(cycle, ProgressListener.NONE);

        assertTrue(model.report().validationHitRate() > 0.9, lines.get(lines.size() - 1));
        // served: after P3, P4, P5 the next product is P6
        EventVocabulary vocabulary = model.vocabulary();
        float[] scores = model.network(Device.cpu()).scores(List.of(new EncodedSequence(
                new int[] {vocabulary.token("P3"), vocabulary.token("P4"), vocabulary.token("P5")},
                new int[] {4, 4, 4}, new int[] {1, 5, 5})))[0];
        int best = 1;
        for (int t = 1; t < scores.length; t++) {
            if (scores[t] > scores[best]) {
                best = t;
            }
        }
        assertEquals("P6", vocabulary.productId(best));
    }

    @Test
    void theSameSeedTrainsTheSameModel() {
        Dataset cycle = cycle(120, 5);
        SequentialSettings settings = SequentialSettings.read("test", defaults(), Map.of("width", 8,
                "layers", 1, "epochs", 3, "batch.size", 32));
        SequentialModel first = new SequentialTrainer(settings, Device.cpu(), "a", line -> { }, () -> false)
                .train(cycle, ProgressListener.NONE);
        SequentialModel second = new SequentialTrainer(settings, Device.cpu(), "b", line -> { }, () -> false)
                .train(cycle, ProgressListener.NONE);
        assertEquals(first.version(), second.version());
    }

    @Test
    void aStoredModelLoadsWithItsVersionAndScoresBitIdentically(@TempDir Path folder) throws IOException {
        Dataset cycle = cycle(60, 3);
        SequentialSettings settings = SequentialSettings.read("test", defaults(), Map.of("width", 8,
                "layers", 1, "epochs", 2));
        SequentialModel model = new SequentialTrainer(settings, Device.cpu(), "c", line -> { }, () -> false)
                .train(cycle, ProgressListener.NONE);
        ModelStore store = ModelStore.at(folder);
        store.save("seq", model, SequentialCodec.CODEC, ModelLineage.of("test", settings.lineage(), cycle));
        SequentialModel loaded = store.load("seq", model.version(), SequentialCodec.CODEC);

        assertEquals(model.version(), loaded.version());
        EncodedSequence events = new EncodedSequence(new int[] {1, 2}, new int[] {4, 4}, new int[] {1, 3});
        assertArrayEquals(model.network(Device.cpu()).scores(List.of(events))[0],
                loaded.network(Device.cpu()).scores(List.of(events))[0]);
    }

    @Test
    void aBadSettingIsRefusedWithItsPropertyAndValue() {
        InvalidConfigurationException width = assertThrows(InvalidConfigurationException.class,
                () -> SequentialSettings.read("pid", defaults(), Map.of("width", "60", "heads", "8")));
        assertTrue(width.getMessage().contains("width") && width.getMessage().contains("60"), width.getMessage());
        InvalidConfigurationException length = assertThrows(InvalidConfigurationException.class,
                () -> SequentialSettings.read("pid", defaults(), Map.of("max.length", "")));
        assertTrue(length.getMessage().contains("max.length"), length.getMessage());
    }

    @Test
    void aCancelledTrainingStopsBeforeItsFirstStep() {
        SequentialSettings settings = SequentialSettings.read("test", defaults(), Map.of("width", 8, "layers", 1));
        assertThrows(CancellationException.class, () -> new SequentialTrainer(settings, Device.cpu(), "d",
                line -> { }, () -> true).train(cycle(40, 1), ProgressListener.NONE));
    }

    static SequentialConfiguration defaults() {
        return Converters.standardConverter().convert(Map.of()).to(SequentialConfiguration.class);
    }

    static Dataset cycle(int customers, long seed) {
        Random random = new Random(seed);
        List<Product> products = new ArrayList<>();
        for (int p = 0; p < PRODUCTS; p++) {
            products.add(Product.builder("P" + p).name("Product " + p).build());
        }
        List<Customer> people = new ArrayList<>();
        List<Interaction> events = new ArrayList<>();
        for (int c = 0; c < customers; c++) {
            people.add(Customer.builder("C" + c).build());
            int start = random.nextInt(PRODUCTS);
            int length = 4 + random.nextInt(8);
            for (int e = 0; e < length; e++) {
                events.add(Interaction.of("C" + c, "P" + ((start + e) % PRODUCTS), InteractionKind.PURCHASE,
                        Instant.ofEpochSecond(1_700_000_000L + e * 86_400L)));
            }
        }
        return Dataset.of("cycle", people, products, events);
    }
}
