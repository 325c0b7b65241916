package org.finrec.api.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.finrec.api.Customer;
import org.finrec.api.Product;
import org.finrec.api.data.Dataset;
import org.junit.jupiter.api.Test;

class ModelLineageTest {

    @Test
    void ofDescribesATrainingRunOnADataset() {
        Dataset data = Dataset.of("bank-2026-01", List.of(Customer.builder("c").holding("p").build()),
                List.of(Product.builder("p").build()), List.of());
        Map<String, String> parameters = new HashMap<>(Map.of("smoothing", "10", "attribute", "segment"));
        Instant before = Instant.now().minusMillis(1);
        ModelLineage lineage = ModelLineage.of("popularity", parameters, data);
        parameters.put("later", "x");
        assertEquals("popularity", lineage.trainer());
        assertEquals(List.of("attribute", "smoothing"), List.copyOf(lineage.parameters().keySet()),
                "copied and sorted by name");
        assertEquals("bank-2026-01", lineage.datasetName());
        assertEquals(DatasetFingerprint.of(data), lineage.datasetFingerprint());
        assertTrue(!lineage.createdAt().isBefore(before)
                && lineage.createdAt().isBefore(before.plus(Duration.ofMinutes(1))), lineage.createdAt().toString());
        assertTrue(lineage.finrecVersion().matches("\\d+\\.\\d+\\.\\d+.*"), lineage.finrecVersion());
        assertFalse(lineage.finrecVersion().contains("${"));
    }

    @Test
    void theCreationTimeKeepsMillisecondsAndTextsMustBeGiven() {
        String fingerprint = "0f".repeat(32);
        ModelLineage lineage = new ModelLineage("t", new TreeMap<>(), "d", fingerprint,
                Instant.parse("2026-01-01T00:00:00.123456789Z"), "1");
        assertEquals(Instant.parse("2026-01-01T00:00:00.123Z"), lineage.createdAt());
        assertThrows(UnsupportedOperationException.class, () -> lineage.parameters().put("a", "b"));
        Instant now = Instant.now();
        assertThrows(IllegalArgumentException.class, () -> new ModelLineage(" ", new TreeMap<>(), "d", fingerprint,
                now, "1"));
        assertThrows(IllegalArgumentException.class, () -> new ModelLineage("t", new TreeMap<>(), "d", "abc", now,
                "1"));
        assertThrows(IllegalArgumentException.class, () -> new ModelLineage("t", new TreeMap<>(), "d",
                fingerprint.toUpperCase(), now, "1"));
        assertThrows(NullPointerException.class, () -> new ModelLineage("t", new TreeMap<>(), "d", fingerprint,
                null, "1"));
    }
}
