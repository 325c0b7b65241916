package org.finrec.data.internal.read;

import static org.finrec.data.internal.read.Problems.assertLenientSkips;
import static org.finrec.data.internal.read.Problems.assertStrictFailure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.finrec.api.Customer;
import org.finrec.api.InteractionKind;
import org.finrec.api.data.Dataset;
import org.finrec.data.DatasetFormat;
import org.finrec.data.DatasetReader;
import org.finrec.data.ImportOptions;
import org.finrec.data.ImportResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MovieLensReaderTest {

    private static final DatasetReader READER = DatasetReader.of(DatasetFormat.MOVIELENS);

    @TempDir
    Path root;

    private Path write(Path folder, String name, String... lines) throws IOException {
        Files.createDirectories(folder);
        byte[] latin1 = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.ISO_8859_1);
        return Files.write(folder.resolve(name), latin1);
    }

    @Test
    void reportsCopiedRatingsWithTheFirstCopysLine() throws IOException {
        Path folder = root.resolve("ml-doubled");
        Path ratings = write(folder, "u.data", "196\t242\t3\t881250949", "186\t302\t3\t891717742",
                "196\t302\t1\t878887116", "196\t242\t3\t881250949", "186\t302\t4\t891717743",
                "196\t242\t5\t881250950");
        ImportResult result = READER.read(ratings, ImportOptions.STRICT);
        assertEquals(6, result.dataset().interactionCount(), "copies are kept");
        assertEquals(3, result.copiedInteractions());
        assertEquals(ratings + ":4", result.firstCopy());
        String warning = result.copiesWarning().orElseThrow();
        assertTrue(warning.contains("3 interactions repeat") && warning.contains(ratings + ":4"), warning);

        ImportResult clean = READER.read(write(root.resolve("ml-clean"), "u.data", "1\t2\t3\t4", "1\t3\t3\t4"),
                ImportOptions.STRICT);
        assertEquals(0, clean.copiedInteractions());
        assertNull(clean.firstCopy());
        assertTrue(clean.copiesWarning().isEmpty());
    }

    @Test
    void readsRatingsWithTitlesAndUserProfiles() throws IOException {
        Path folder = root.resolve("ml-tiny");
        Path ratings = write(folder, "u.data", "196\t242\t3\t881250949", "186\t302\t3.5\t891717742",
                "196\t302\t1\t878887116");
        write(folder, "u.item", "242|Kolya (1996)|24-Jan-1997||http://x|0|0", "302|Café Society (1997)|01-Jan-1997||");
        write(folder, "u.user", "196|49|M|writer|55105", "186|39|F|executive|");
        for (Path path : new Path[] {folder, ratings}) {
            ImportResult result = READER.read(path, ImportOptions.STRICT);
            Dataset dataset = result.dataset();
            assertEquals("ml-tiny", dataset.name());
            assertEquals(3 + 2 + 2, result.rowsRead(), "u.item and u.user rows count too");
            assertEquals(2, dataset.customerCount());
            assertEquals(2, dataset.productCount());
            assertEquals("Kolya (1996)", dataset.product(dataset.productIndex("242")).name());
            assertEquals("Café Society (1997)", dataset.product(dataset.productIndex("302")).name());
            assertEquals(Customer.builder("196").age(49).attribute("gender", "M").attribute("occupation", "writer")
                    .attribute("zip_code", "55105").build(), dataset.customer(0));
            assertEquals(Map.of("gender", "F", "occupation", "executive"), dataset.customer(1).attributes());

            assertEquals(3, dataset.interactionCount());
            assertEquals(878_887_116_000L, dataset.interactionEpochMillis(0));
            assertEquals(1.0, dataset.interactionWeight(0));
            assertEquals(3.5, dataset.interactionWeight(2));
            assertEquals(InteractionKind.PURCHASE, dataset.interactionKind(2));
        }
    }

    @Test
    void worksWithoutSiblingFiles() throws IOException {
        Path ratings = write(root.resolve("alone"), "ratings.tsv", "1\t2\t5\t0");
        Dataset dataset = READER.read(ratings, ImportOptions.STRICT).dataset();
        assertEquals("ratings", dataset.name());
        assertEquals("2", dataset.product(0).name());
        assertEquals(Customer.builder("1").build(), dataset.customer(0));
    }

    @Test
    void rejectsBadRowsNamingTheField() throws IOException {
        Path folder = root.resolve("bad");
        String[][] cases = {
            {"1\t2\t3", "timestamp"},
            {"1\t2\t3\t4\t5", "column 5"},
            {"1 2 3 4", "item_id"},
            {"1\t2\tthree\t4", "rating"},
            {"1\t2\t-3\t4", "rating"},
            {"1\t2\t3\t4.5", "timestamp"},
            {"1\t2\t3\t99999999999999999", "timestamp"},
            {"\t2\t3\t4", "user_id"},
        };
        for (String[] bad : cases) {
            Path ratings = write(folder, "u.data", "1\t1\t1\t1", bad[0]);
            assertStrictFailure(READER, folder, ratings, 2, bad[1]);
        }
        write(folder, "u.data", "1\t1\t1\t1", cases[0][0], "2\t2\t2\t2", cases[3][0]);
        assertLenientSkips(READER, folder, 4, 2);

        Path items = write(folder, "u.item", "1|One|x", "2");
        assertStrictFailure(READER, folder, items, 2, "movie_title");
        Files.delete(items);
        Path users = write(folder, "u.user", "1|200|M|x|y");
        assertStrictFailure(READER, folder, users, 1, "age");
        write(folder, "u.user", "1|20|M|x");
        assertStrictFailure(READER, folder, users, 1, "zip_code");
        Path missing = root.resolve("none");
        assertStrictFailure(READER, missing, missing, 0, null);
    }

    @Test
    void readsMovieLens100k() {
        Path folder = SharedData.folder("movielens-100k");
        ImportResult result = READER.read(folder, ImportOptions.STRICT);
        Dataset dataset = result.dataset();
        assertEquals("movielens-100k", dataset.name());
        assertEquals(943, dataset.customerCount());
        assertEquals(1_682, dataset.productCount());
        assertEquals(100_000, dataset.interactionCount());
        assertEquals("Toy Story (1995)", dataset.product(dataset.productIndex("1")).name());
        assertEquals(24, dataset.customer(dataset.customerIndex("1")).age().getAsInt());
        for (int i = 1; i < dataset.interactionCount(); i++) {
            if (dataset.interactionEpochMillis(i) < dataset.interactionEpochMillis(i - 1)) {
                throw new AssertionError("not in time order at " + i);
            }
        }
    }
}
