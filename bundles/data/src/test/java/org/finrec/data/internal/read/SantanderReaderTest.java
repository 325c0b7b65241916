package org.finrec.data.internal.read;

import static org.finrec.data.internal.read.Problems.assertLenientSkips;
import static org.finrec.data.internal.read.Problems.assertStrictFailure;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.finrec.api.Customer;
import org.finrec.api.InteractionKind;
import org.finrec.api.data.Dataset;
import org.finrec.data.DatasetFormat;
import org.finrec.data.DatasetReader;
import org.finrec.data.ImportOptions;
import org.finrec.data.ImportResult;
import org.finrec.data.internal.catalog.SantanderProducts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SantanderReaderTest {

    private static final DatasetReader READER = DatasetReader.of(DatasetFormat.SANTANDER);
    private static final String HEADER = headerOf(SantanderReader.PROFILE_COLUMNS, SantanderProducts.COLUMNS);
    private static final int CCO = SantanderProducts.indexOfColumn("ind_cco_fin_ult1");
    private static final int TJCR = SantanderProducts.indexOfColumn("ind_tjcr_fin_ult1");
    private static final int RECIBO = SantanderProducts.indexOfColumn("ind_recibo_ult1");
    private static final int NOMINA = SantanderProducts.indexOfColumn("ind_nomina_ult1");

    @TempDir
    Path dir;

    /** The header as Kaggle writes it: every name quoted. */
    private static String headerOf(List<String> profile, List<String> products) {
        List<String> names = new ArrayList<>(profile);
        names.addAll(products);
        return names.stream().map(name -> '"' + name + '"').collect(Collectors.joining(","));
    }

    /**
     * A row in Kaggle's layout (padding, quoted province) with the given profile cells and flags: one character per
     * product, '0' and '1' as they are, 'N' for NA, 'p' for " 1" and 'q' for " 0" (Kaggle pads the last ones).
     */
    private static String row(String date, String code, String age, String tenure, String income, String segment,
            String flags) {
        assertEquals(24, flags.length());
        String flagCells = flags.chars().mapToObj(c -> switch (c) {
            case 'N' -> "NA";
            case 'p' -> " 1";
            case 'q' -> " 0";
            default -> String.valueOf((char) c);
        }).collect(Collectors.joining(","));
        return date + "," + code + ",N,ES,H," + age + ",2015-01-12, 0," + tenure + ", 1,,1.0,A,S,N,,KHL,N, 1,29,"
                + "\"CORUÑA, A\", 1," + income + "," + segment + "," + flagCells;
    }

    private static String flags(int... held) {
        char[] cells = "000000000000000000000000".toCharArray();
        for (int product : held) {
            cells[product] = '1';
        }
        return new String(cells);
    }

    private Path write(String name, String... lines) throws IOException {
        return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n");
    }

    private static long day(String date) {
        return LocalDate.parse(date).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    @Test
    void readsKagglesQuirksIntoTheCustomerProfile() throws IOException {
        Path file = write("train_ver2.csv", HEADER,
                row("2015-01-28", "1375586", " 35", "      6", "87218.1", "02 - PARTICULARES", flags(CCO)),
                row("2015-01-28", "  1050611", " NA", "-999999", "", "", "0000000000000000000000NN"),
                row("2015-01-28", "1050612", "164", "     NA", "         NA", "NA", "000000000000000000000qpq"));
        ImportResult result = READER.read(file, ImportOptions.STRICT);
        Dataset dataset = result.dataset();
        assertEquals("train_ver2", dataset.name());
        assertEquals(3, result.rowsRead());
        assertEquals(0, result.rowsSkipped());
        assertEquals(3, dataset.customerCount());
        assertEquals(24, dataset.productCount());

        Customer first = dataset.customer(dataset.customerIndex("1375586"));
        assertEquals(35, first.age().getAsInt());
        assertEquals(87218.1, first.annualIncome().getAsDouble(), 0.01);
        assertEquals("02 - PARTICULARES", first.segment().orElseThrow());
        assertEquals(6, first.tenureMonths().getAsInt());
        assertEquals("KHL", first.preferredChannel().orElseThrow());
        assertTrue(first.riskTolerance().isEmpty());
        assertEquals(Map.of("sexo", "H", "nomprov", "CORUÑA, A", "ind_actividad_cliente", "1", "ind_empleado", "N",
                "pais_residencia", "ES", "tiprel_1mes", "A"), first.attributes());
        assertEquals(Set.of("cco_fin"), first.holdings());

        Customer padded = dataset.customer(dataset.customerIndex("1050611"));
        assertTrue(padded.age().isEmpty(), "NA age");
        assertTrue(padded.tenureMonths().isEmpty(), "the -999999 sentinel");
        assertTrue(padded.annualIncome().isEmpty(), "empty renta");
        assertTrue(padded.segment().isEmpty(), "empty segmento");
        assertArrayEquals(new int[0], dataset.holdings(1), "NA flags in a first month count as not held");

        Customer odd = dataset.customer(2);
        assertTrue(odd.age().isEmpty(), "an age above 130 is unknown");
        assertTrue(odd.tenureMonths().isEmpty() && odd.annualIncome().isEmpty() && odd.segment().isEmpty());
        assertArrayEquals(new int[] {22}, dataset.holdings(2), "padded flags");
    }

    @Test
    void turnsMonthlySnapshotsIntoHoldPurchaseAndCloseInteractions() throws IOException {
        Path file = write("months.csv", HEADER,
                row("2015-01-28", "1", " 35", "6", "1000", "02 - PARTICULARES", flags(CCO, RECIBO)),
                row("2015-02-28", "1", " 35", "7", "1000", "02 - PARTICULARES",
                        flags(CCO, TJCR).substring(0, 23) + "N"),
                row("2015-02-28", "2", " 50", "7", "1000", "01 - TOP", flags(NOMINA)),
                row("2015-03-28", "1", " 36", "8", "2000", "01 - TOP", flags(TJCR)),
                row("2015-04-28", "2", " 51", "9", "", "01 - TOP", flags(NOMINA)));
        Dataset dataset = READER.read(file, ImportOptions.STRICT).dataset();
        assertEquals(2, dataset.customerCount());

        List<String> events = new ArrayList<>();
        for (int i = 0; i < dataset.interactionCount(); i++) {
            events.add(LocalDate.ofEpochDay(dataset.interactionEpochMillis(i) / 86_400_000L) + " "
                    + dataset.customer(dataset.interactionCustomer(i)).id() + " "
                    + dataset.interactionKind(i) + " " + dataset.product(dataset.interactionProduct(i)).id());
            assertEquals(1.0, dataset.interactionWeight(i));
        }
        assertEquals(List.of(
                "2015-01-28 1 HOLD cco_fin",
                "2015-01-28 1 HOLD recibo",
                "2015-02-28 1 PURCHASE tjcr_fin",
                "2015-02-28 2 HOLD nomina",
                "2015-03-28 1 CLOSE cco_fin",
                "2015-03-28 1 CLOSE recibo"), events,
                "recibo was NA in February, so it stayed held until March");
        assertEquals(day("2015-01-28"), dataset.interactionEpochMillis(0));

        Customer one = dataset.customer(0);
        assertEquals(36, one.age().getAsInt(), "profile of the last row");
        assertEquals("01 - TOP", one.segment().orElseThrow());
        assertEquals(8, one.tenureMonths().getAsInt());
        assertEquals(Set.of("tjcr_fin"), one.holdings());
        Customer two = dataset.customer(1);
        assertEquals(51, two.age().getAsInt());
        assertTrue(two.annualIncome().isEmpty(), "the last row's renta is empty");
        assertArrayEquals(new int[] {NOMINA}, dataset.holdings(1));
    }

    @Test
    void strictReadingStopsAtTheFirstBadRowNamingFileLineAndColumn() throws IOException {
        String good = row("2015-01-28", "1", "35", "6", "1", "S", flags(CCO));
        String[][] cases = {
            {good.substring(0, good.lastIndexOf(',')), "ind_recibo_ult1"},
            {good + ",0", "column 49"},
            {row("2015-13-28", "1", "35", "6", "1", "S", flags(CCO)), "fecha_dato"},
            {row("28/01/2015", "1", "35", "6", "1", "S", flags(CCO)), "fecha_dato"},
            {row("2015-01-28", "A1", "35", "6", "1", "S", flags(CCO)), "ncodpers"},
            {row("2015-01-28", "", "35", "6", "1", "S", flags(CCO)), "ncodpers"},
            {row("2015-01-28", "1", "3x5", "6", "1", "S", flags(CCO)), "age"},
            {row("2015-01-28", "1", "35", "six", "1", "S", flags(CCO)), "antiguedad"},
            {row("2015-01-28", "1", "35", "6", "1,000", "S", flags(CCO)).replace("1,000", "\"1,000\""), "renta"},
            {row("2015-01-28", "1", "35", "6", "1.8e308", "S", flags(CCO)), "renta"},
            {row("2015-01-28", "1", "35", "6", "1e39", "S", flags(CCO)), "renta"},
            {row("2015-01-28", "1", "35", "6", "NaN", "S", flags(CCO)), "renta"},
            {row("2015-01-28", "1", "35", "6", "1", "S", "000000000000000000000002"), "ind_recibo_ult1"},
            {row("2015-01-28", "1", "35", "6", "1", "S", "0000000000000000000000y0"), "ind_nom_pens_ult1"},
        };
        for (String[] bad : cases) {
            Path file = write("bad.csv", HEADER, row("2015-01-28", "7", "35", "6", "1", "S", flags(CCO)), bad[0]);
            assertStrictFailure(READER, file, file, 3, bad[1]);
        }
    }

    @Test
    void rejectsAMonthThatIsNotAfterTheCustomersPreviousOne() throws IOException {
        Path file = write("order.csv", HEADER,
                row("2015-02-28", "1", "35", "6", "1", "S", flags(CCO)),
                row("2015-01-28", "1", "35", "6", "1", "S", flags()),
                row("2015-02-28", "1", "35", "6", "1", "S", flags()));
        assertStrictFailure(READER, file, file, 3, "fecha_dato");
        ImportResult result = assertLenientSkips(READER, file, 3, 2);
        assertArrayEquals(new int[] {CCO}, result.dataset().holdings(0), "the rejected rows left no trace");
        assertEquals(1, result.dataset().interactionCount());
    }

    @Test
    void lenientReadingSkipsAndCountsBadRowsAndKeepsTheGoodOnes() throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        lines.add(row("2015-01-28", "1", "35", "6", "1", "S", flags(CCO)));
        lines.add(row("2015-01-28", "2", "35", "6", "1", "S", "0000000000000000000000x0"));
        lines.add("");
        lines.add(row("2015-01-28", "3", "35", "6", "1", "S", flags(TJCR)));
        lines.add("2015-01-28,4,too,short");
        lines.add(row("2015-01-28", "x5", "35", "6", "1", "S", flags()));
        lines.add(row("2015-01-28", "6", "35", "6", "1", "S", flags(RECIBO)));
        Path file = write("mixed.csv", lines.toArray(String[]::new));

        ImportResult result = assertLenientSkips(READER, file, 6, 3);
        assertEquals(List.of(3L, 6L, 7L), result.problems().stream().map(p -> p.line()).toList());
        assertEquals(Arrays.asList("ind_nom_pens_ult1", "sexo", "ncodpers"),
                result.problems().stream().map(p -> p.field()).toList());
        Dataset dataset = result.dataset();
        assertEquals(3, dataset.customerCount());
        assertEquals(List.of("1", "3", "6"), List.of(dataset.customer(0).id(), dataset.customer(1).id(),
                dataset.customer(2).id()));
        assertEquals(3, dataset.interactionCount());
    }

    @Test
    void anUnterminatedQuoteEndsTheFileAtTheRowWhereItOpens() throws IOException {
        Path file = write("quote.csv", HEADER,
                row("2015-01-28", "1", "35", "6", "1", "S", flags(CCO)),
                row("2015-01-28", "2", "35", "6", "1", "S", flags(CCO)).replace("\"CORUÑA, A\"", "\"CORUÑA, A"),
                row("2015-01-28", "3", "35", "6", "1", "S", flags(CCO)).replace("\"CORUÑA, A\"", "MALAGA"));
        assertStrictFailure(READER, file, file, 3, null);
        ImportResult result = assertLenientSkips(READER, file, 2, 1);
        assertEquals(1, result.dataset().customerCount());
        assertTrue(result.problems().get(0).reason().contains("unterminated"), result.problems().get(0).reason());
    }

    @Test
    void textAfterAClosingQuoteSkipsOnlyThatLine() throws IOException {
        Path file = write("quote.csv", HEADER,
                row("2015-01-28", "1", "35", "6", "1", "S", flags(CCO)),
                row("2015-01-28", "2", "35", "6", "1", "S", flags(CCO)).replace("\"CORUÑA, A\"", "\"CORUÑA\"X"),
                row("2015-01-28", "3", "35", "6", "1", "S", flags(CCO)));
        assertStrictFailure(READER, file, file, 3, null);
        ImportResult result = assertLenientSkips(READER, file, 3, 1);
        assertEquals(2, result.dataset().customerCount());
        assertEquals("3", result.dataset().customer(1).id());
    }

    @Test
    void checksTheHeader() throws IOException {
        Path renamed = write("renamed.csv", HEADER.replace("\"renta\"", "\"income\""));
        assertStrictFailure(READER, renamed, renamed, 1, "income");
        Path shorter = write("shorter.csv", HEADER.substring(0, HEADER.lastIndexOf(',')));
        assertStrictFailure(READER, shorter, shorter, 1, "ind_recibo_ult1");
        Path longer = write("longer.csv", HEADER + ",extra");
        assertStrictFailure(READER, longer, longer, 1, "extra");
        Path other = write("other.csv", "a,b,c", "1,2,3");
        assertStrictFailure(READER, other, other, 1, "a");
        Path empty = write("empty.csv");
        assertStrictFailure(READER, empty, ImportOptions.LENIENT, empty, 0, null);
        Path missing = dir.resolve("missing.csv");
        assertStrictFailure(READER, missing, ImportOptions.LENIENT, missing, 0, null);
        assertStrictFailure(READER, dir, dir, 0, null);
    }

    @Test
    void readsAHeaderOnlyFileAsAnEmptyDatasetWithTheGivenName() throws IOException {
        Path file = write("header.csv", HEADER);
        ImportResult result = READER.read(file, ImportOptions.STRICT.withName("santander-empty"));
        assertEquals("santander-empty", result.dataset().name());
        assertEquals(0, result.dataset().customerCount());
        assertEquals(0, result.rowsRead());
    }

    @Test
    void readsTheKaggleSample() {
        Path file = SharedData.folder("santander-sample").resolve("trainsubset.csv");
        ImportResult result = READER.read(file, ImportOptions.STRICT);
        Dataset dataset = result.dataset();
        assertEquals(9_999, result.rowsRead());
        assertEquals(0, result.rowsSkipped());
        assertEquals(9_999, dataset.customerCount());
        assertEquals(24, dataset.productCount());

        int[] held = new int[24];
        for (int c = 0; c < dataset.customerCount(); c++) {
            for (int product : dataset.holdings(c)) {
                held[product]++;
            }
        }
        Map<String, Integer> expected = Map.ofEntries(Map.entry("cco_fin", 9_295), Map.entry("recibo", 796),
                Map.entry("ecue_fin", 633), Map.entry("cno_fin", 369), Map.entry("nom_pens", 240),
                Map.entry("nomina", 218), Map.entry("tjcr_fin", 109), Map.entry("reca_fin", 106),
                Map.entry("dela_fin", 85), Map.entry("ctju_fin", 67), Map.entry("valo_fin", 32),
                Map.entry("fond_fin", 22), Map.entry("ctma_fin", 12), Map.entry("plan_fin", 6));
        int total = 0;
        for (int p = 0; p < 24; p++) {
            String id = dataset.product(p).id();
            if (expected.containsKey(id)) {
                assertEquals(expected.get(id), held[p], id);
            } else {
                assertTrue(held[p] < 5, id + " is held by fewer than 5 customers, got " + held[p]);
            }
            total += held[p];
        }
        assertEquals(total, dataset.interactionCount(), "one HOLD per holding in the only month");
        for (int i = 0; i < dataset.interactionCount(); i++) {
            assertEquals(InteractionKind.HOLD, dataset.interactionKind(i));
            assertEquals(day("2015-01-28"), dataset.interactionEpochMillis(i));
        }
        Customer first = dataset.customer(dataset.customerIndex("1375586"));
        assertEquals(35, first.age().getAsInt());
        assertEquals("MALAGA", first.attributes().get("nomprov"));
        assertEquals("02 - PARTICULARES", first.segment().orElseThrow());
    }
}
