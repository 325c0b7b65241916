package org.finrec.data.internal.read;

import static org.finrec.data.internal.read.Problems.assertLenientSkips;
import static org.finrec.data.internal.read.Problems.assertStrictFailure;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.finrec.api.Customer;
import org.finrec.api.InteractionKind;
import org.finrec.api.data.Dataset;
import org.finrec.api.data.ProgressListener;
import org.finrec.data.DatasetFormat;
import org.finrec.data.DatasetReader;
import org.finrec.data.ImportOptions;
import org.finrec.data.ImportResult;
import org.finrec.data.internal.catalog.SantanderProducts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NextProductReaderTest {

    private static final DatasetReader READER = DatasetReader.of(DatasetFormat.NEXT_PRODUCT);
    private static final String HOLDINGS = String.join(",", SantanderProducts.COLUMNS);
    private static final String LABEL_FLAGS = "lb_" + String.join(",lb_", SantanderProducts.COLUMNS);

    @TempDir
    Path dir;

    private Path write(String name, String... lines) throws IOException {
        return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n");
    }

    /** 24 flag cells, 1 at the given product indices. */
    private static String flags(int... set) {
        List<String> cells = new ArrayList<>(Collections.nCopies(24, "0"));
        for (int product : set) {
            cells.set(product, "1");
        }
        return String.join(",", cells);
    }

    private static ImportOptions strictWith(Map<String, String> settings) {
        return new ImportOptions(true, ProgressListener.NONE, null, settings);
    }

    @Test
    void readsALabelIndexLayoutWithTheDefaults() throws IOException {
        Path file = write("tr.csv", "label,segmento,sexo,age," + HOLDINGS,
                "2,1,0,0.0857," + flags(),
                "23,2,1,0.2," + flags(2, 12),
                "12, ,1,0.3," + flags(2));
        ImportResult result = READER.read(file, ImportOptions.STRICT);
        Dataset dataset = result.dataset();
        assertEquals("tr", dataset.name());
        assertEquals(3, dataset.customerCount());
        assertEquals(SantanderProducts.PRODUCTS, List.of(dataset.product(0), dataset.product(1), dataset.product(2),
                dataset.product(3), dataset.product(4), dataset.product(5), dataset.product(6), dataset.product(7),
                dataset.product(8), dataset.product(9), dataset.product(10), dataset.product(11),
                dataset.product(12), dataset.product(13), dataset.product(14), dataset.product(15),
                dataset.product(16), dataset.product(17), dataset.product(18), dataset.product(19),
                dataset.product(20), dataset.product(21), dataset.product(22), dataset.product(23)));

        Customer second = dataset.customer(1);
        assertEquals("row-3", second.id(), "named after its line");
        assertEquals(Map.of("segmento", "2", "sexo", "1", "age", "0.2"), second.attributes());
        assertTrue(second.age().isEmpty(), "encoded features stay open attributes");
        assertArrayEquals(new int[] {2, 12}, dataset.holdings(1), "holdings are last month's flags");
        assertEquals(Map.of("sexo", "1", "age", "0.3"), dataset.customer(2).attributes(), "blank cells are left out");

        assertEquals(3, dataset.interactionCount());
        int[] labels = new int[3];
        for (int i = 0; i < 3; i++) {
            assertEquals(InteractionKind.PURCHASE, dataset.interactionKind(i));
            assertEquals(0L, dataset.interactionEpochMillis(i));
            labels[dataset.interactionCustomer(i)] = dataset.interactionProduct(i);
        }
        assertArrayEquals(new int[] {2, 23, 12}, labels);
    }

    @Test
    void readsLabelFlagsAsSeveralPurchases() throws IOException {
        Path file = write("val.csv", "segmento," + HOLDINGS + "," + LABEL_FLAGS,
                "1," + flags(2) + "," + flags(4, 21, 23),
                "0," + flags() + "," + flags());
        Dataset dataset = READER.read(file, strictWith(Map.of(NextProductReader.MONTH, "2016-05-28"))).dataset();
        assertEquals(2, dataset.customerCount());
        assertEquals(3, dataset.interactionCount());
        long may = LocalDate.parse("2016-05-28").atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        for (int i = 0; i < 3; i++) {
            assertEquals(0, dataset.interactionCustomer(i));
            assertEquals(may, dataset.interactionEpochMillis(i));
        }
        assertEquals(List.of(4, 21, 23), List.of(dataset.interactionProduct(0), dataset.interactionProduct(1),
                dataset.interactionProduct(2)));
        assertArrayEquals(new int[] {2}, dataset.holdings(0));
        assertEquals(Map.of("segmento", "1"), dataset.customer(0).attributes(), "label flags are no features");
    }

    @Test
    void followsConfiguredColumnRolesAndMakesProductsOfOtherHoldingColumns() throws IOException {
        Path file = write("custom.csv", "client,region,has_card,has_loan,has_fund,new_has_card,new_has_fund",
                "A,north,1,0,0,0,1",
                "B,south,0,0,1,1,0",
                "C,,0,0,0,1,0");
        Dataset dataset = READER.read(file, strictWith(Map.of(NextProductReader.ID_COLUMN, "client",
                NextProductReader.LABEL_PREFIX, "new_", NextProductReader.HOLDING_COLUMNS, "has_*"))).dataset();
        assertEquals(3, dataset.productCount());
        assertEquals(List.of("has_card", "has_loan", "has_fund"),
                List.of(dataset.product(0).id(), dataset.product(1).id(), dataset.product(2).id()));
        assertEquals(List.of("A", "B", "C"),
                List.of(dataset.customer(0).id(), dataset.customer(1).id(), dataset.customer(2).id()));
        assertEquals(Map.of("region", "north"), dataset.customer(0).attributes());
        assertEquals(Map.of(), dataset.customer(2).attributes());
        assertArrayEquals(new int[] {0}, dataset.holdings(0));
        assertArrayEquals(new int[] {2}, dataset.holdings(1));
        assertEquals(3, dataset.interactionCount());
        assertEquals(List.of(2, 0, 0), List.of(dataset.interactionProduct(0), dataset.interactionProduct(1),
                dataset.interactionProduct(2)));
    }

    @Test
    void acceptsAListOfHoldingColumns() throws IOException {
        Path file = write("list.csv", "id,label,x,a,b", "c1,1,7,1,0");
        Dataset dataset = READER.read(file, strictWith(Map.of(NextProductReader.ID_COLUMN, "id",
                NextProductReader.HOLDING_COLUMNS, "a, b"))).dataset();
        assertEquals(2, dataset.productCount());
        assertEquals("c1", dataset.customer(0).id());
        assertEquals(Map.of("x", "7"), dataset.customer(0).attributes());
        assertArrayEquals(new int[] {0}, dataset.holdings(0));
        assertEquals(1, dataset.interactionProduct(0));
    }

    @Test
    void rejectsBadRowsNamingTheColumn() throws IOException {
        String header = "ncodpers,label,sexo," + HOLDINGS;
        String good = "10,2,1," + flags();
        String[][] cases = {
            {"11,24,1," + flags(), "label"},
            {"11,-1,1," + flags(), "label"},
            {"11,two,1," + flags(), "label"},
            {"11,,1," + flags(), "label"},
            {"11,2,1," + flags().replaceFirst("0", "2"), "ind_ahor_fin_ult1"},
            {"11,2,1," + flags().substring(0, flags().length() - 1) + "NA", "ind_recibo_ult1"},
            {"10,2,1," + flags(), "ncodpers"},
            {" ,2,1," + flags(), "ncodpers"},
            {"11,2," + flags(), "ind_recibo_ult1"},
            {"11,2,1,1," + flags(), "column 28"},
        };
        for (String[] bad : cases) {
            Path file = write("bad.csv", header, good, bad[0]);
            assertStrictFailure(READER, file, file, 3, bad[1]);
        }
        Path mixed = write("mixed.csv", header, good, cases[0][0], "12,3,1," + flags(), cases[4][0]);
        ImportResult result = assertLenientSkips(READER, mixed, 4, 2);
        assertEquals(2, result.dataset().customerCount());
        assertEquals(2, result.dataset().interactionCount());
    }

    @Test
    void rejectsHeadersWithoutTheNeededColumns() throws IOException {
        Path noLabel = write("nolabel.csv", "sexo," + HOLDINGS, "1," + flags());
        assertStrictFailure(READER, noLabel, noLabel, 1, null);
        Path noHoldings = write("noholdings.csv", "label,sexo", "1,1");
        assertStrictFailure(READER, noHoldings, noHoldings, 1, null);
        Path file = write("ok.csv", "label," + HOLDINGS, "1," + flags());
        assertStrictFailure(READER, file, strictWith(Map.of(NextProductReader.ID_COLUMN, "customer")), file, 1,
                "customer");
        assertStrictFailure(READER, file, strictWith(Map.of(NextProductReader.HOLDING_COLUMNS, "ind_cco_fin_ult1,x")),
                file, 1, "x");
        Path strayFlag = write("stray.csv", "label,lb_unknown," + HOLDINGS, "1,0," + flags());
        assertStrictFailure(READER, strayFlag, strayFlag, 1, "lb_unknown");
        Path empty = write("empty.csv");
        assertStrictFailure(READER, empty, empty, 0, null);
        assertThrows(IllegalArgumentException.class,
                () -> READER.read(file, strictWith(Map.of(NextProductReader.MONTH, "May 2016"))));
    }

    @Test
    void matchesHoldingPatterns() {
        assertTrue(NextProductReader.matches("ind_*", "ind_cco_fin_ult1"));
        assertTrue(NextProductReader.matches("ind_*_ult1", "ind_cco_fin_ult1"));
        assertTrue(NextProductReader.matches("*", "anything"));
        assertTrue(!NextProductReader.matches("ind_*", "lb_ind_cco_fin_ult1"));
        assertTrue(!NextProductReader.matches("ind_*_ult1", "ind_cco_fin_ult2"));
        assertTrue(NextProductReader.matches("a.b", "a.b"));
        assertTrue(!NextProductReader.matches("a.*", "ab"));
    }

    @Test
    void readsTheTrainingSampleOfAddedProducts() {
        Path file = SharedData.folder("santander-added-products").resolve("tr_sample_feature.csv");
        ImportResult result = READER.read(file, ImportOptions.STRICT);
        Dataset dataset = result.dataset();
        assertEquals(10_998, result.rowsRead());
        assertEquals(10_998, dataset.customerCount());
        assertEquals(24, dataset.productCount());
        assertEquals(10_998, dataset.interactionCount());
        for (int i = 0; i < dataset.interactionCount(); i++) {
            assertEquals(InteractionKind.PURCHASE, dataset.interactionKind(i));
        }
        assertEquals(18, dataset.customer(0).attributes().size(), "the 18 feature columns");
    }

    @Test
    void readsTheValidationSampleOfAddedProducts() {
        Path file = SharedData.folder("santander-added-products").resolve("val_sample_feature.csv");
        ImportResult result = READER.read(file, ImportOptions.STRICT);
        Dataset dataset = result.dataset();
        assertEquals(9_303, dataset.customerCount());
        assertTrue(dataset.interactionCount() >= 9_303);
        assertEquals(12_263, dataset.interactionCount(), "one PURCHASE per lb_* flag set");
        int[] added = new int[dataset.customerCount()];
        for (int i = 0; i < dataset.interactionCount(); i++) {
            added[dataset.interactionCustomer(i)]++;
        }
        assertEquals(2_434, Arrays.stream(added).filter(count -> count == 0).count(),
                "despite the data set's description, 2,434 rows add no product");
        assertEquals(12, Arrays.stream(added).max().getAsInt());
        assertEquals(18, dataset.customer(0).attributes().size());
    }
}
