package org.finrec.data.internal.read;

import static org.finrec.data.internal.read.Problems.assertLenientSkips;
import static org.finrec.data.internal.read.Problems.assertStrictFailure;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.finrec.api.InteractionKind;
import org.finrec.api.data.Dataset;
import org.finrec.data.DatasetFormat;
import org.finrec.data.DatasetReader;
import org.finrec.data.ImportOptions;
import org.finrec.data.ImportResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SequenceReaderTest {

    private static final DatasetReader READER = DatasetReader.of(DatasetFormat.SEQUENCE);

    @TempDir
    Path dir;

    private Path write(String name, String... lines) throws IOException {
        return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n");
    }

    /** Each user's items in dataset (time) order. */
    private static List<List<String>> sequences(Dataset dataset) {
        List<List<String>> sequences = new ArrayList<>();
        for (int c = 0; c < dataset.customerCount(); c++) {
            sequences.add(new ArrayList<>());
        }
        for (int i = 0; i < dataset.interactionCount(); i++) {
            sequences.get(dataset.interactionCustomer(i)).add(dataset.product(dataset.interactionProduct(i)).id());
        }
        return sequences;
    }

    @Test
    void keepsEveryUsersOrder() throws IOException {
        Path file = write("Shop.txt", "1 10 11 12", "2  12\t10  12 ", "", "3 13");
        Dataset dataset = READER.read(file, ImportOptions.STRICT).dataset();
        assertEquals("Shop", dataset.name());
        assertEquals(3, dataset.customerCount());
        assertEquals(List.of("10", "11", "12", "13"), List.of(dataset.product(0).id(), dataset.product(1).id(),
                dataset.product(2).id(), dataset.product(3).id()));
        assertEquals(List.of(List.of("10", "11", "12"), List.of("12", "10", "12"), List.of("13")),
                sequences(dataset));
        for (int i = 0; i < dataset.interactionCount(); i++) {
            assertEquals(InteractionKind.PURCHASE, dataset.interactionKind(i));
            assertEquals(1.0, dataset.interactionWeight(i));
        }
        assertEquals(2L, dataset.interactionEpochMillis(dataset.interactionCount() - 1), "position in the line");
    }

    @Test
    void rejectsUsersWithoutItemsAndUsersOnTwoLines() throws IOException {
        Path lonely = write("lonely.txt", "1 10", "2");
        assertStrictFailure(READER, lonely, lonely, 2, "item");
        Path twice = write("twice.txt", "1 10", "2 11", "1 12");
        assertStrictFailure(READER, twice, twice, 3, "user");
        Path mixed = write("mixed.txt", "1 10", "2", "3 11", "1 12", "4 13 14");
        ImportResult result = assertLenientSkips(READER, mixed, 5, 2);
        assertEquals(List.of(List.of("10"), List.of("11"), List.of("13", "14")), sequences(result.dataset()));
        Path empty = write("empty.txt");
        ImportResult nothing = READER.read(empty, ImportOptions.STRICT);
        assertEquals(0, nothing.dataset().customerCount());
        Path missing = dir.resolve("missing.txt");
        assertStrictFailure(READER, missing, missing, 0, null);
    }

    @Test
    void readsAmazonBeauty() {
        Path file = SharedData.folder("amazon-beauty").resolve("Beauty.txt");
        ImportResult result = READER.read(file, ImportOptions.STRICT);
        Dataset dataset = result.dataset();
        assertEquals(22_363, dataset.customerCount());
        assertEquals(12_101, dataset.productCount());
        assertEquals(198_502, dataset.interactionCount());
        assertEquals(22_363, result.rowsRead());
        List<String> first = sequences(dataset).get(dataset.customerIndex("1"));
        assertEquals(List.of("1", "2", "3", "4", "5"), first);
    }
}
