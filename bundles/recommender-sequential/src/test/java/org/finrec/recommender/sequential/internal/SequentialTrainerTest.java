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
import java.util.Collections;
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
    void aPretrainedModelIsNamedWholeAndWithItsStore() {
        Map<String, Object> versionOnly = Map.of("pretrained.version", "0123456789ab", "model.store", "/models");
        InvalidConfigurationException noName = assertThrows(InvalidConfigurationException.class,
                () -> setup(versionOnly));
        assertTrue(noName.getMessage().contains("pretrained.recommender"), noName.getMessage());
        Map<String, Object> noStore = Map.of("pretrained.recommender", "big-bank", "pretrained.version",
                "0123456789ab");
        InvalidConfigurationException store = assertThrows(InvalidConfigurationException.class,
                () -> setup(noStore));
        assertTrue(store.getMessage().contains("model.store"), store.getMessage());
        SequentialRecommender.Recipe recipe = setup(Map.of("pretrained.recommender", "big-bank",
                "pretrained.version", "0123456789ab", "model.store", "/models")).recipe();
        assertEquals("big-bank/0123456789ab", recipe.lineage().get("pretrained"));
        assertTrue(!setup(Map.of()).recipe().lineage().containsKey("pretrained"));
    }

    private static SequentialRecommender.Setup setup(Map<String, Object> properties) {
        return SequentialRecommender.Setup.read(Converters.standardConverter().convert(properties)
                .to(SequentialConfiguration.class), properties);
    }

    @Test
    void aCancelledTrainingStopsBeforeItsFirstStep() {
        SequentialSettings settings = SequentialSettings.read("test", defaults(), Map.of("width", 8, "layers", 1));
        assertThrows(CancellationException.class, () -> new SequentialTrainer(settings, Device.cpu(), "d",
                line -> { }, () -> true).train(cycle(40, 1), ProgressListener.NONE));
    }

    @Test
    void aPretrainedModelCarriesOverToAnotherCatalogueByProductId() {
        SequentialSettings settings = SequentialSettings.read("test", defaults(), Map.of("width", 16,
                "layers", 1, "dropout", 0.1, "epochs", 40, "learning.rate", 0.01, "warmup.steps", 0,
                "patience", 40, "batch.size", 64));
        SequentialModel source = new SequentialTrainer(settings, Device.cpu(), "source", line -> { }, () -> false)
                .train(cycle(300, 11), ProgressListener.NONE);
        // a small bank: 40 customers, the products listed in reverse (other tokens) and one the source never had
        Dataset target = cycle(40, 12, true);
        SequentialSettings brief = SequentialSettings.read("test", defaults(), Map.of("width", 16, "layers", 1,
                "dropout", 0.1, "epochs", 2, "learning.rate", 0.01, "warmup.steps", 0, "batch.size", 64));
        List<String> lines = new ArrayList<>();

        SequentialModel scratch = new SequentialTrainer(brief, Device.cpu(), "scratch", line -> { }, () -> false)
                .train(target, ProgressListener.NONE);
        SequentialModel tuned = new SequentialTrainer(brief, Device.cpu(), "tuned", lines::add, () -> false)
                .startingFrom(source).train(target, ProgressListener.NONE);

        assertTrue(lines.get(0).contains("30 of its 30 products are in this catalogue of 31"), lines.get(0));
        assertTrue(tuned.report().validationHitRate() > 0.9, "fine-tuned: " + tuned.report());
        assertTrue(tuned.report().validationNdcg() > 2 * scratch.report().validationNdcg(),
                "fine-tuned: " + tuned.report() + ", from scratch: " + scratch.report());
        SequentialSettings wider = SequentialSettings.read("test", defaults(), Map.of("width", 32, "layers", 1,
                "epochs", 1));
        IllegalArgumentException mismatch = assertThrows(IllegalArgumentException.class,
                () -> new SequentialTrainer(wider, Device.cpu(), "wider", line -> { }, () -> false)
                        .startingFrom(source).train(target, ProgressListener.NONE));
        assertTrue(mismatch.getMessage().contains("width 16, this configuration 32"), mismatch.getMessage());
        SequentialSettings moreHeads = SequentialSettings.read("test", defaults(), Map.of("width", 16, "layers", 1,
                "heads", 2, "epochs", 1));
        IllegalArgumentException heads = assertThrows(IllegalArgumentException.class,
                () -> new SequentialTrainer(moreHeads, Device.cpu(), "heads", line -> { }, () -> false)
                        .startingFrom(source).train(target, ProgressListener.NONE));
        assertTrue(heads.getMessage().contains("1 heads, this configuration 2"), heads.getMessage());
    }

    static SequentialConfiguration defaults() {
        return Converters.standardConverter().convert(Map.of()).to(SequentialConfiguration.class);
    }

    static Dataset cycle(int customers, long seed) {
        return cycle(customers, seed, false);
    }

    /** With {@code otherCatalogue}, the products are listed in reverse and followed by one nobody holds. */
    private static Dataset cycle(int customers, long seed, boolean otherCatalogue) {
        Random random = new Random(seed);
        List<Product> products = new ArrayList<>();
        for (int p = 0; p < PRODUCTS; p++) {
            products.add(Product.builder("P" + p).name("Product " + p).build());
        }
        if (otherCatalogue) {
            Collections.reverse(products);
            products.add(Product.builder("NEW").name("New product").build());
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
