package org.finrec.data.internal.read;

import static org.finrec.data.internal.read.Problems.assertLenientSkips;
import static org.finrec.data.internal.read.Problems.assertStrictFailure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.finrec.api.Customer;
import org.finrec.api.InteractionKind;
import org.finrec.api.ProductCategory;
import org.finrec.api.data.Dataset;
import org.finrec.api.data.ProgressListener;
import org.finrec.data.DatasetFormat;
import org.finrec.data.DatasetReader;
import org.finrec.data.ImportOptions;
import org.finrec.data.ImportResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecBoleReaderTest {

    private static final DatasetReader READER = DatasetReader.of(DatasetFormat.RECBOLE);

    @TempDir
    Path root;

    private Path write(Path folder, String name, String... lines) throws IOException {
        Files.createDirectories(folder);
        return Files.writeString(folder.resolve(name), String.join("\n", lines) + "\n");
    }

    @Test
    void readsInterUserAndItemFiles() throws IOException {
        Path folder = root.resolve("ml");
        write(folder, "ml.item", "item_id:token\tmovie_title:token_seq\tclass:token_seq", "i9\tNine\tdrama",
                "i1\tOne\t");
        write(folder, "ml.user", "user_id:token\tage:token\tgender:token", "u2\t24\tM", "u7\t\tF");
        write(folder, "ml.inter", "user_id:token\titem_id:token\trating:float\ttimestamp:float",
                "u1\ti1\t3\t881250949",
                "u2\ti2\t4.5\t881250948.5",
                "u1\ti9\t0\t881250950");
        for (Path path : List.of(folder, folder.resolve("ml.inter"), folder.resolve("ml"))) {
            Dataset dataset = READER.read(path, ImportOptions.STRICT).dataset();
            assertEquals("ml", dataset.name());
            assertEquals(List.of("i9", "i1", "i2"), List.of(dataset.product(0).id(), dataset.product(1).id(),
                    dataset.product(2).id()), "items of .item first, then new ones of .inter");
            assertEquals(ProductCategory.OTHER, dataset.product(0).category());
            assertEquals(java.util.OptionalInt.empty(), dataset.product(0).riskClass(), "no risk class, never 1");
            assertEquals(List.of("u2", "u7", "u1"), List.of(dataset.customer(0).id(), dataset.customer(1).id(),
                    dataset.customer(2).id()));
            assertEquals(Customer.builder("u2").attribute("age", "24").attribute("gender", "M").build(),
                    dataset.customer(0));
            assertEquals(Map.of("gender", "F"), dataset.customer(1).attributes());

            assertEquals(3, dataset.interactionCount());
            assertEquals(881_250_948_500L, dataset.interactionEpochMillis(0));
            assertEquals(0, dataset.interactionCustomer(0));
            assertEquals(4.5, dataset.interactionWeight(0));
            assertEquals(881_250_949_000L, dataset.interactionEpochMillis(1));
            assertEquals(0.0, dataset.interactionWeight(2));
            assertEquals(InteractionKind.PURCHASE, dataset.interactionKind(2));
        }
    }

    @Test
    void withoutRatingAndTimestampWeighsOneAndKeepsTheLineOrder() throws IOException {
        Path folder = root.resolve("plain");
        write(folder, "clicks.inter", "session:token\tproduct:token", "s1\tb", "s2\ta", "s1\ta");
        Dataset dataset = READER.read(folder, new ImportOptions(true, ProgressListener.NONE, null,
                Map.of(RecBoleReader.USER_FIELD, "session", RecBoleReader.ITEM_FIELD, "product"))).dataset();
        assertEquals("clicks", dataset.name());
        assertEquals(2, dataset.customerCount());
        assertEquals(3, dataset.interactionCount());
        for (int i = 0; i < 3; i++) {
            assertEquals(1.0, dataset.interactionWeight(i));
            assertEquals(i + 2, dataset.interactionEpochMillis(i), "the line number");
        }
        assertEquals(List.of(0, 1, 0), List.of(dataset.interactionCustomer(0), dataset.interactionCustomer(1),
                dataset.interactionCustomer(2)));
    }

    @Test
    void rejectsBadRowsNamingTheField() throws IOException {
        String header = "user_id:token\titem_id:token\trating:float\ttimestamp:float";
        String[][] cases = {
            {"u1\ti1\tgood\t1", "rating:float"},
            {"u1\ti1\t-1\t1", "rating:float"},
            {"u1\ti1\tInfinity\t1", "rating:float"},
            {"u1\ti1\t3\tyesterday", "timestamp:float"},
            {"u1\ti1\t3\t1e300", "timestamp:float"},
            {"\ti1\t3\t1", "user_id:token"},
            {"u1\t \t3\t1", "item_id:token"},
            {"u1\ti1\t3", "timestamp:float"},
            {"u1\ti1\t3\t1\t5", "column 5"},
        };
        Path folder = root.resolve("bad");
        for (String[] bad : cases) {
            Path file = write(folder, "bad.inter", header, "u0\ti0\t1\t1", bad[0]);
            assertStrictFailure(READER, folder, file, 3, bad[1]);
        }
        Path file = write(folder, "bad.inter", header, "u0\ti0\t1\t1", cases[0][0], "u2\ti2\t1\t2", cases[1][0]);
        ImportResult result = assertLenientSkips(READER, folder, 4, 2);
        assertEquals(2, result.dataset().interactionCount());
        assertEquals(2, result.dataset().customerCount(), "rejected rows add no users");
        assertEquals(file.toAbsolutePath(), result.problems().get(0).file().toAbsolutePath());
    }

    @Test
    void rejectsDuplicateUsersAndItems() throws IOException {
        Path folder = root.resolve("dup");
        write(folder, "dup.inter", "user_id:token\titem_id:token", "u1\ti1");
        Path users = write(folder, "dup.user", "user_id:token\tage:float", "u1\t3", "u1\t4");
        assertStrictFailure(READER, folder, users, 3, "user_id:token");
        Files.delete(users);
        Path items = write(folder, "dup.item", "item_id:token", "i1", "i2", "i1");
        assertStrictFailure(READER, folder, items, 4, "item_id:token");
        ImportResult result = assertLenientSkips(READER, folder, 4, 1);
        assertEquals(2, result.dataset().productCount());
    }

    @Test
    void rejectsUnusableFilesAndHeaders() throws IOException {
        Path empty = Files.createDirectories(root.resolve("empty"));
        assertStrictFailure(READER, empty, ImportOptions.LENIENT, empty, 0, null);
        Path two = root.resolve("two");
        write(two, "a.inter", "user_id:token\titem_id:token");
        write(two, "b.inter", "user_id:token\titem_id:token");
        assertStrictFailure(READER, two, two, 0, null);
        Path missing = root.resolve("missing/ml");
        assertStrictFailure(READER, missing, root.resolve("missing/ml.inter"), 0, null);

        Path folder = root.resolve("h");
        Path untyped = write(folder, "h.inter", "user_id\titem_id", "u\ti");
        assertStrictFailure(READER, folder, untyped, 1, "user_id");
        Path badType = write(folder, "h.inter", "user_id:token\titem_id:thing", "u\ti");
        assertStrictFailure(READER, folder, badType, 1, "item_id:thing");
        Path noItem = write(folder, "h.inter", "user_id:token\trating:float", "u\t1");
        assertStrictFailure(READER, folder, noItem, 1, "item_id");
        Path emptyFile = write(folder, "h.inter");
        assertStrictFailure(READER, folder, ImportOptions.LENIENT, emptyFile, 0, null);
    }

    @Test
    void readsMovieLensConvertedToAtomicFilesLikeTheMovieLensReader() throws IOException {
        Path ratings = SharedData.folder("movielens-100k").resolve("u.data");
        Path folder = Files.createDirectories(root.resolve("ml-100k"));
        try (BufferedWriter inter = Files.newBufferedWriter(folder.resolve("ml-100k.inter"))) {
            inter.write("user_id:token\titem_id:token\trating:float\ttimestamp:float\n");
            for (String line : Files.readAllLines(ratings)) {
                inter.write(line + "\n");
            }
        }
        Dataset atomic = READER.read(folder, ImportOptions.STRICT).dataset();
        Dataset movieLens = DatasetReader.of(DatasetFormat.MOVIELENS).read(ratings, ImportOptions.STRICT).dataset();
        assertEquals(943, atomic.customerCount());
        assertEquals(1_682, atomic.productCount());
        assertEquals(100_000, atomic.interactionCount());
        for (int i = 0; i < atomic.interactionCount(); i += 101) {
            assertEquals(movieLens.customer(movieLens.interactionCustomer(i)).id(),
                    atomic.customer(atomic.interactionCustomer(i)).id());
            assertEquals(movieLens.product(movieLens.interactionProduct(i)).id(),
                    atomic.product(atomic.interactionProduct(i)).id());
            assertEquals(movieLens.interactionEpochMillis(i), atomic.interactionEpochMillis(i));
            assertEquals(movieLens.interactionWeight(i), atomic.interactionWeight(i));
        }
        assertTrue(atomic.interactionEpochMillis(0) > 0);
    }
}
