package org.finrec.recommender.popularity.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import org.finrec.api.Customer;
import org.finrec.api.InteractionKind;
import org.finrec.api.data.Dataset;
import org.finrec.api.data.ProgressListener;
import org.finrec.api.model.ModelFileException;
import org.finrec.api.model.ModelLineage;
import org.finrec.api.model.ModelStore;
import org.finrec.api.model.ModelVersion;
import org.finrec.api.model.StoredModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PopularityCodecTest {

    @TempDir
    Path folder;

    private static PopularityModel train(String attribute, double smoothing) {
        return new PopularityTrainer(attribute, smoothing, EnumSet.of(InteractionKind.PURCHASE, InteractionKind.HOLD))
                .train(TestBank.dataset(), ProgressListener.NONE);
    }

    /** Every product's score for every segment of the bank, an unknown one and none, as raw bits. */
    private static long[] scores(PopularityModel model) {
        String[] segments = {"retail", "private", "student", null};
        long[] bits = new long[TestBank.PRODUCT_IDS.length * segments.length + 1];
        int k = 0;
        for (String segment : segments) {
            for (String product : TestBank.PRODUCT_IDS) {
                bits[k++] = Double.doubleToRawLongBits(model.score(model.productIndex(product),
                        model.segment(segment)));
            }
        }
        bits[k] = model.productIndex("unknown");
        return bits;
    }

    @Test
    void aStoredModelLoadsWithTheSameVersionAndScoresBitIdentically() throws IOException {
        ModelStore store = ModelStore.at(folder);
        Dataset data = TestBank.dataset();
        for (PopularityModel model : new PopularityModel[] {train("segment", 50), train("segment", 0.5),
            train(Customer.AGE_BAND, 10)}) {
            ModelLineage lineage = ModelLineage.of(PopularityTrainer.class.getName(), Map.of("segment.attribute",
                    model.segmentAttribute(), "smoothing", Double.toString(model.smoothing())), data);
            StoredModel stored = store.save("popular", model, PopularityCodec.CODEC, lineage);
            assertEquals("org.finrec.popularity", stored.type());
            assertEquals(lineage, store.describe("popular", model.version()).lineage());

            PopularityModel loaded = store.load("popular", model.version(), PopularityCodec.CODEC);
            assertEquals(model.version(), loaded.version());
            assertEquals(ModelVersion.of(loaded, PopularityCodec.CODEC), loaded.version(), "encodes alike");
            assertEquals(model.segmentAttribute(), loaded.segmentAttribute());
            assertEquals(model.customerCount(), loaded.customerCount());
            assertArrayEquals(scores(model), scores(loaded));
            assertTrue(scores(model)[0] != Double.doubleToRawLongBits(0), "the scores are not all zero");
        }
        assertEquals(3, store.list("popular").size(), "three models, three versions");
    }

    @Test
    void theVersionCoversWhatScoresDependOn() {
        PopularityModel model = train("segment", 50);
        assertEquals(model.version(), train("segment", 50).version());
        assertNotEquals(model.version(), train("segment", 49).version());
        assertNotEquals(model.version(), train(Customer.AGE_BAND, 50).version());
    }

    @Test
    void aDamagedFileIsRefusedNamingIt() throws IOException {
        ModelStore store = ModelStore.at(folder);
        PopularityModel model = train("segment", 50);
        Path file = store.save("popular", model, PopularityCodec.CODEC, ModelLineage.of("t", Map.of(),
                TestBank.dataset())).file();
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 3] ^= 0x01;
        Files.write(file, bytes);
        ModelFileException e = assertThrows(ModelFileException.class,
                () -> store.load("popular", model.version(), PopularityCodec.CODEC));
        assertEquals(ModelFileException.Problem.CORRUPT, e.problem());
        assertTrue(e.getMessage().startsWith(file.toString()) && e.getMessage().contains("content hash mismatch"),
                e.getMessage());
    }
}
