package org.finrec.data.internal.read;

import static org.finrec.data.internal.read.Problems.assertLenientSkips;
import static org.finrec.data.internal.read.Problems.assertStrictFailure;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.finrec.api.Customer;
import org.finrec.api.InteractionKind;
import org.finrec.api.ProductCategory;
import org.finrec.api.data.Dataset;
import org.finrec.data.DataFormatException;
import org.finrec.data.DatasetFormat;
import org.finrec.data.DatasetReader;
import org.finrec.data.ImportOptions;
import org.finrec.data.ImportResult;
import org.finrec.data.internal.catalog.BankMarketingProducts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BankMarketingReaderTest {

    private static final DatasetReader READER = DatasetReader.of(DatasetFormat.BANK_MARKETING);
    /** The header as UCI writes it: every name quoted. */
    private static final String HEADER = BankMarketingReader.COLUMNS.stream().map(name -> '"' + name + '"')
            .collect(Collectors.joining(";"));
    /** The first data row of bank-additional-full.csv, cell by cell. */
    private static final List<String> FIRST_ROW = List.of("56", "\"housemaid\"", "\"married\"", "\"basic.4y\"",
            "\"no\"", "\"no\"", "\"no\"", "\"telephone\"", "\"may\"", "\"mon\"", "261", "1", "999", "0",
            "\"nonexistent\"", "1.1", "93.994", "-36.4", "4.857", "5191", "\"no\"");
    private static final long SNAPSHOT = BankMarketingReader.SNAPSHOT.toEpochMilli();

    @TempDir
    Path dir;

    /** The first data row of the real file with some cells changed, each given as {@code column=cell}. */
    private static String row(String... changes) {
        List<String> cells = new ArrayList<>(FIRST_ROW);
        for (String change : changes) {
            int equals = change.indexOf('=');
            int column = BankMarketingReader.COLUMNS.indexOf(change.substring(0, equals));
            assertTrue(column >= 0, change);
            cells.set(column, change.substring(equals + 1));
        }
        return String.join(";", cells);
    }

    /** Writes lines with the CRLF line ends of the UCI files. */
    private Path write(String name, String... lines) throws IOException {
        return Files.writeString(dir.resolve(name), String.join("\r\n", lines) + "\r\n");
    }

    private static List<String> events(Dataset dataset) {
        List<String> events = new ArrayList<>();
        for (int i = 0; i < dataset.interactionCount(); i++) {
            assertEquals(SNAPSHOT, dataset.interactionEpochMillis(i));
            assertEquals(1.0, dataset.interactionWeight(i));
            events.add(dataset.customer(dataset.interactionCustomer(i)).id() + " " + dataset.interactionKind(i) + " "
                    + dataset.product(dataset.interactionProduct(i)).id());
        }
        return events;
    }

    @Test
    void mapsEachContactToACustomerWithHoldingsAndHoldInteractions() throws IOException {
        Path file = write("bank-additional-full.csv", HEADER,
                row(),
                row("age=35", "housing=\"yes\"", "loan=\"yes\"", "y=\"yes\""),
                row("age=41", "default=\"unknown\"", "housing=\"unknown\"", "loan=\"unknown\"", "job=\"unknown\"",
                        "pdays=6", "previous=1", "poutcome=\"success\""),
                row("age=29", "y=\"yes\""));
        ImportResult result = READER.read(file, ImportOptions.STRICT);
        Dataset dataset = result.dataset();
        assertEquals("bank-additional-full", dataset.name());
        assertEquals(4, result.rowsRead());
        assertEquals(0, result.rowsSkipped());
        assertEquals(BankMarketingProducts.PRODUCTS, List.of(dataset.product(0), dataset.product(1),
                dataset.product(2)));
        assertEquals(3, dataset.productCount());

        Customer first = dataset.customer(0);
        assertEquals("contact-1", first.id());
        assertEquals(56, first.age().getAsInt());
        assertEquals(Map.ofEntries(Map.entry("job", "housemaid"), Map.entry("marital", "married"),
                Map.entry("education", "basic.4y"), Map.entry("default", "no"), Map.entry("contact", "telephone"),
                Map.entry("month", "may"), Map.entry("day_of_week", "mon"), Map.entry("campaign", "1"),
                Map.entry("pdays", "999"), Map.entry("previous", "0"), Map.entry("poutcome", "nonexistent"),
                Map.entry("emp.var.rate", "1.1"), Map.entry("cons.price.idx", "93.994"),
                Map.entry("cons.conf.idx", "-36.4"), Map.entry("euribor3m", "4.857"),
                Map.entry("nr.employed", "5191")), first.attributes());
        assertTrue(first.segment().isEmpty(), "job is not the segment");
        assertTrue(first.annualIncome().isEmpty() && first.riskTolerance().isEmpty()
                && first.tenureMonths().isEmpty() && first.preferredChannel().isEmpty());
        assertEquals(Set.of(), first.holdings());

        Customer all = dataset.customer(dataset.customerIndex("contact-2"));
        assertEquals(35, all.age().getAsInt());
        assertEquals(Set.of("housing-loan", "personal-loan", "term-deposit"), all.holdings());
        assertArrayEquals(new int[] {0, 1, 2}, dataset.holdings(1));

        Customer unknown = dataset.customer(dataset.customerIndex("contact-3"));
        assertEquals(Set.of(), unknown.holdings(), "unknown is not held");
        assertEquals("unknown", unknown.attributes().get("default"));
        assertEquals("unknown", unknown.attributes().get("job"));
        assertEquals("6", unknown.attributes().get("pdays"));
        assertEquals("success", unknown.attributes().get("poutcome"));
        for (String holdingColumn : List.of("housing", "loan", "y", "age", "duration")) {
            assertFalse(unknown.attributes().containsKey(holdingColumn), holdingColumn);
        }
        assertEquals(Set.of("term-deposit"), dataset.customer(3).holdings());

        assertEquals(List.of("contact-2 HOLD housing-loan", "contact-2 HOLD personal-loan",
                "contact-2 HOLD term-deposit", "contact-4 HOLD term-deposit"), events(dataset));
        assertEquals(InteractionKind.HOLD, dataset.interactionKind(0));
    }

    @Test
    void definesThreeDescribedProducts() {
        assertEquals(List.of("housing-loan", "personal-loan", "term-deposit"),
                BankMarketingProducts.PRODUCTS.stream().map(product -> product.id()).toList());
        assertEquals(List.of(ProductCategory.MORTGAGE, ProductCategory.LOAN, ProductCategory.DEPOSIT),
                BankMarketingProducts.PRODUCTS.stream().map(product -> product.category()).toList());
        assertEquals(1, BankMarketingProducts.TERM_DEPOSIT.riskClass().getAsInt());
        assertEquals(12, BankMarketingProducts.TERM_DEPOSIT.termMonths().getAsInt());
        assertTrue(BankMarketingProducts.HOUSING_LOAN.termMonths().getAsInt() >= 240, "a long-term loan");
        BankMarketingProducts.PRODUCTS.forEach(product -> {
            long sentences = product.description().chars().filter(c -> c == '.').count();
            assertTrue(product.description().length() >= 150 && sentences >= 2, product.id());
            assertFalse(product.name().equals(product.id()), product.id());
        });
    }

    @Test
    void neverStoresTheDuration() throws IOException {
        Path file = write("calls.csv", HEADER, row("duration=4711"), row("duration=0", "y=\"yes\""));
        Dataset dataset = READER.read(file, ImportOptions.STRICT).dataset();
        for (int c = 0; c < dataset.customerCount(); c++) {
            Customer customer = dataset.customer(c);
            assertFalse(customer.attributes().containsKey("duration"));
            assertFalse(customer.attributes().containsValue("4711"), customer.attributes().toString());
            assertFalse(customer.toString().contains("4711"), customer.toString());
        }
    }

    @Test
    void readsQuotedAndUnquotedCellsAndTheDelimiterInsideQuotes() throws IOException {
        Path file = write("quoting.csv", HEADER,
                row("age=\"35\"", "job=admin.", "education=\"high;school \"\"A\"\"\"", "y=yes", "campaign=\" 2 \""),
                row("age=\" 40\"", "marital=\"\"\"single\"\"\""));
        Dataset dataset = READER.read(file, ImportOptions.STRICT).dataset();
        Customer first = dataset.customer(0);
        assertEquals(35, first.age().getAsInt());
        assertEquals("admin.", first.attributes().get("job"));
        assertEquals("high;school \"A\"", first.attributes().get("education"));
        assertEquals("2", first.attributes().get("campaign"), "cells are trimmed");
        assertEquals(Set.of("term-deposit"), first.holdings());
        assertEquals(40, dataset.customer(1).age().getAsInt());
        assertEquals("\"single\"", dataset.customer(1).attributes().get("marital"));
    }

    @Test
    void findsTheColumnsByNameAndIgnoresOthers() throws IOException {
        List<String> names = new ArrayList<>(BankMarketingReader.COLUMNS);
        List<String> cells = new ArrayList<>(FIRST_ROW);
        names.add(0, "id");
        cells.add(0, "A-17");
        // move y to the front and age to the back
        names.add(0, names.remove(names.indexOf("y")));
        cells.add(0, "yes");
        cells.remove(cells.size() - 1);
        names.add(names.remove(names.indexOf("age")));
        cells.add(cells.remove(2));
        Path file = Files.writeString(dir.resolve("reordered.csv"),
                String.join(";", names) + "\n" + String.join(";", cells) + "\n");
        Customer customer = READER.read(file, ImportOptions.STRICT).dataset().customer(0);
        assertEquals(56, customer.age().getAsInt());
        assertEquals(Set.of("term-deposit"), customer.holdings());
        assertEquals("housemaid", customer.attributes().get("job"));
        assertFalse(customer.attributes().containsKey("id"));
    }

    @Test
    void strictReadingStopsAtTheFirstBadRowNamingFileLineFieldAndValue() throws IOException {
        String[][] cases = {
            {"age=x", "age", "'x'"},
            {"age=131", "age", "131"},
            {"age=-1", "age", "-1"},
            {"age=", "age", "''"},
            {"duration=-5", "duration", "-5"},
            {"duration=12.5", "duration", "'12.5'"},
            {"campaign=0", "campaign", "0"},
            {"campaign=two", "campaign", "'two'"},
            {"pdays=-1", "pdays", "-1"},
            {"previous=1.5", "previous", "'1.5'"},
            {"emp.var.rate=\"n/a\"", "emp.var.rate", "'n/a'"},
            {"cons.price.idx=1,5", "cons.price.idx", "'1,5'"},
            {"euribor3m=NaN", "euribor3m", "'NaN'"},
            {"nr.employed=Infinity", "nr.employed", "'Infinity'"},
            {"cons.conf.idx=", "cons.conf.idx", "''"},
            {"default=\"maybe\"", "default", "'maybe'"},
            {"housing=\"Yes\"", "housing", "'Yes'"},
            {"loan=\"\"", "loan", "''"},
            {"y=\"unknown\"", "y", "'unknown'"},
            {"job=\"\"", "job", "empty"},
            {"day_of_week=\"  \"", "day_of_week", "empty"},
        };
        for (String[] bad : cases) {
            Path file = write("bad.csv", HEADER, row(), row(bad[0]), row());
            DataFormatException e = assertStrictFailure(READER, file, file, 3, bad[1]);
            assertTrue(e.getMessage().contains(bad[2]), bad[0] + " -> " + e.getMessage());
            assertTrue(e.getMessage().contains("bad.csv:3: field '" + bad[1] + "'"), e.getMessage());
        }
        Path shortRow = write("short.csv", HEADER, row(), row().substring(0, row().lastIndexOf(';')));
        assertStrictFailure(READER, shortRow, shortRow, 3, "y");
        Path longRow = write("long.csv", HEADER, row() + ";1");
        assertStrictFailure(READER, longRow, longRow, 2, "column 22");
    }

    @Test
    void lenientReadingSkipsAndCountsBadRowsAndKeepsTheRowNumbersOfTheGoodOnes() throws IOException {
        Path file = write("mixed.csv", HEADER,
                row("housing=\"yes\""),
                row("age=old"),
                row("loan=\"yes\""),
                "56;\"housemaid\";too;short",
                row("y=\"yes\"", "euribor3m=\"\""),
                row("y=\"yes\""),
                row("job=\"admin\"x", "y=\"yes\""),
                row());
        ImportResult result = assertLenientSkips(READER, file, 8, 4);
        assertEquals(List.of(3L, 5L, 6L, 8L), result.problems().stream().map(p -> p.line()).toList());
        assertEquals(Arrays.asList("age", "default", "euribor3m", null),
                result.problems().stream().map(p -> p.field()).toList());
        Dataset dataset = result.dataset();
        assertEquals(List.of("contact-1", "contact-3", "contact-6", "contact-8"),
                List.of(dataset.customer(0).id(), dataset.customer(1).id(), dataset.customer(2).id(),
                        dataset.customer(3).id()));
        assertEquals(List.of("contact-1 HOLD housing-loan", "contact-3 HOLD personal-loan",
                "contact-6 HOLD term-deposit"), events(dataset), "the rejected rows left no trace");
    }

    @Test
    void checksTheHeader() throws IOException {
        Path noTarget = write("no-target.csv", HEADER.substring(0, HEADER.lastIndexOf(';')), row());
        DataFormatException e = assertStrictFailure(READER, noTarget, ImportOptions.LENIENT, noTarget, 1, "y");
        assertTrue(e.getMessage().contains("no column 'y'"), e.getMessage());
        Path renamed = write("renamed.csv", HEADER.replace("\"nr.employed\"", "\"nr_employed\""));
        assertStrictFailure(READER, renamed, renamed, 1, "nr.employed");
        Path commas = write("commas.csv", String.join(",", BankMarketingReader.COLUMNS));
        assertStrictFailure(READER, commas, commas, 1, "age");
        Path twice = write("twice.csv", HEADER + ";\"age\"");
        assertStrictFailure(READER, twice, twice, 1, "age");
        for (Path unusable : List.of(write("empty.csv"), write("blank.csv", "", " "), dir.resolve("missing.csv"),
                dir)) {
            assertStrictFailure(READER, unusable, ImportOptions.LENIENT, unusable, 0, null);
        }
    }

    @Test
    void readsAHeaderOnlyFileAsAnEmptyDatasetWithTheGivenNameAndReportsProgress() throws IOException {
        Path file = write("header.csv", HEADER);
        List<String> reports = new ArrayList<>();
        ImportResult result = READER.read(file, ImportOptions.STRICT.withName("bank-marketing")
                .withProgress((step, done, total) -> reports.add(step + " " + done + "/" + total)));
        assertEquals("bank-marketing", result.dataset().name());
        assertEquals(0, result.dataset().customerCount());
        assertEquals(3, result.dataset().productCount());
        assertEquals(0, result.rowsRead());
        long size = Files.size(file);
        assertEquals(List.of("reading header.csv " + size + "/" + size), reports);
    }

    @Test
    void readsTheFullUciFile() {
        // the counts were taken independently with awk on the file
        Dataset dataset = readSharedFile("bank-additional-full.csv", 41_188, 21_576, 6_248, 4_640);
        Customer first = dataset.customer(dataset.customerIndex("contact-1"));
        assertEquals(56, first.age().getAsInt());
        assertEquals("housemaid", first.attributes().get("job"));
        assertEquals("999", first.attributes().get("pdays"));
        assertEquals(16, first.attributes().size());
        Customer last = dataset.customer(dataset.customerIndex("contact-41188"));
        assertEquals(74, last.age().getAsInt());
        assertEquals("nov", last.attributes().get("month"));
        assertEquals("4963.6", last.attributes().get("nr.employed"));
        assertEquals(Set.of("housing-loan"), last.holdings());
    }

    @Test
    void readsTheTenPercentSample() {
        readSharedFile("bank-additional.csv", 4_119, 2_175, 665, 451);
    }

    /**
     * Reads a file of {@code shared/data/bank-marketing} strictly (skipping the test when the folder is absent) and
     * checks that every row became a customer, how many customers hold each product, and that each holding is one
     * HOLD at the snapshot.
     */
    private static Dataset readSharedFile(String name, int contacts, int housingLoans, int personalLoans,
            int termDeposits) {
        ImportResult result = READER.read(SharedData.folder("bank-marketing").resolve(name), ImportOptions.STRICT);
        assertEquals(0, result.rowsSkipped(), () -> "problems " + result.problems());
        assertEquals(contacts, result.rowsRead());
        Dataset dataset = result.dataset();
        assertEquals(name.replace(".csv", ""), dataset.name());
        assertEquals(contacts, dataset.customerCount());
        int[] held = new int[3];
        for (int c = 0; c < dataset.customerCount(); c++) {
            for (int product : dataset.holdings(c)) {
                held[product]++;
            }
        }
        assertArrayEquals(new int[] {housingLoans, personalLoans, termDeposits}, held);
        assertEquals(housingLoans + personalLoans + termDeposits, dataset.interactionCount());
        for (int i = 0; i < dataset.interactionCount(); i++) {
            assertEquals(InteractionKind.HOLD, dataset.interactionKind(i));
            assertEquals(SNAPSHOT, dataset.interactionEpochMillis(i));
        }
        return dataset;
    }
}
