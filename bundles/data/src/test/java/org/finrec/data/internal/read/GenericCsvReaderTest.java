package org.finrec.data.internal.read;

import static org.finrec.data.internal.read.Problems.assertLenientSkips;
import static org.finrec.data.internal.read.Problems.assertStrictFailure;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.finrec.api.Customer;
import org.finrec.api.InteractionKind;
import org.finrec.api.Product;
import org.finrec.api.ProductCategory;
import org.finrec.api.ProductComplexity;
import org.finrec.api.data.Dataset;
import org.finrec.data.DatasetFormat;
import org.finrec.data.DatasetReader;
import org.finrec.data.ImportOptions;
import org.finrec.data.ImportResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenericCsvReaderTest {

    private static final DatasetReader READER = DatasetReader.of(DatasetFormat.GENERIC_CSV);
    private static final String PRODUCTS_HEADER = "id,name,category,risk_class,term_months,annual_rate_percent,"
            + "complexity,min_age,max_age,description";
    private static final String CUSTOMERS_HEADER = "id,age,annual_income,segment,risk_tolerance,tenure_months,"
            + "preferred_channel";
    private static final String INTERACTIONS_HEADER = "customer_id,product_id,kind,timestamp,channel,weight";

    @TempDir
    Path root;
    Path bank;

    @BeforeEach
    void writeAGoodBank() throws IOException {
        bank = Files.createDirectory(root.resolve("bank-2026-10"));
        write("products.csv", PRODUCTS_HEADER,
                "current,Current account,ACCOUNT,1,,,SIMPLE,18,130,\"The everyday account, with cards.\"",
                "bond-fund,Bond fund,fund,3,,2.5,standard,18,130,\"A fund of bonds.",
                "Its value \"\"can\"\" fall.\"",
                "minimal,,,,,,,,,",
                "deposit,Deposit,DEPOSIT,1,12,1.5,SIMPLE,,,");
        write("customers.csv", CUSTOMERS_HEADER + ",province,employment",
                "C1,34,52000.5,family,3,48,mobile,Madrid,employed",
                "C2,,,,,,,,",
                " C3 , 70 ,0, retired ,1,0, branch ,,retired");
        write("interactions.csv", INTERACTIONS_HEADER,
                "C1,current,HOLD,2026-01-01,,",
                "C1,bond-fund,VIEW,2026-09-30T18:02:11Z,mobile,0.25",
                "C1,bond-fund,PURCHASE,2026-10-02T09:15:00+02:00,branch,1",
                "C1,current,CLOSE,2026-10-03,,",
                "C3,deposit,purchase,2026-02-01T00:00:00Z,,2",
                "C3,deposit,close,2026-03-01,,",
                "C3,deposit,HOLD,2026-04-01,,");
    }

    private Path write(String name, String... lines) throws IOException {
        return Files.writeString(bank.resolve(name), String.join("\n", lines) + "\n");
    }

    @Test
    void readsProductsCustomersAndInteractions() {
        ImportResult result = READER.read(bank, ImportOptions.STRICT);
        assertEquals(4 + 3 + 7, result.rowsRead());
        Dataset dataset = result.dataset();
        assertEquals("bank-2026-10", dataset.name());

        assertEquals(4, dataset.productCount());
        Product fund = dataset.product(dataset.productIndex("bond-fund"));
        assertEquals(Product.builder("bond-fund").name("Bond fund").category(ProductCategory.FUND).riskClass(3)
                .annualRatePercent(2.5).complexity(ProductComplexity.STANDARD).eligibleAges(18, 130)
                .description("A fund of bonds.\nIts value \"can\" fall.").build(), fund);
        assertEquals(Product.builder("minimal").build(), dataset.product(2), "empty cells take the defaults");
        assertEquals(java.util.OptionalInt.empty(), dataset.product(2).riskClass(),
                "a blank risk_class stays missing, never risk class 1");
        assertEquals(12, dataset.product(3).termMonths().getAsInt());

        assertEquals(Customer.builder("C1").age(34).annualIncome(52_000.5).segment("family").riskTolerance(3)
                .tenureMonths(48).preferredChannel("mobile").attribute("province", "Madrid")
                .attribute("employment", "employed").holding("bond-fund").build(), dataset.customer(0));
        assertEquals(Customer.builder("C2").build(), dataset.customer(1));
        assertEquals(Customer.builder("C3").age(70).annualIncome(0).segment("retired").riskTolerance(1)
                .tenureMonths(0).preferredChannel("branch").attribute("employment", "retired").holding("deposit")
                .build(), dataset.customer(2), "cells are trimmed");

        assertEquals(7, dataset.interactionCount());
        assertEquals(Instant.parse("2026-01-01T00:00:00Z").toEpochMilli(), dataset.interactionEpochMillis(0));
        assertEquals(InteractionKind.PURCHASE, dataset.interactionKind(1));
        assertEquals(2.0, dataset.interactionWeight(1));
        int view = 4;
        assertEquals(InteractionKind.VIEW, dataset.interactionKind(view));
        assertEquals(0.25, dataset.interactionWeight(view));
        assertEquals(Instant.parse("2026-10-02T07:15:00Z").toEpochMilli(), dataset.interactionEpochMillis(5),
                "offsets are converted to UTC");
        assertArrayEquals(new int[] {1}, dataset.holdings(0), "current was closed after its HOLD");
        assertArrayEquals(new int[] {3}, dataset.holdings(2), "deposit was held again after its CLOSE");
    }

    @Test
    void rejectsBadProductsCustomersAndInteractionsNamingFileLineAndField() throws IOException {
        String[][] cases = {
            {"products.csv", "x,X,SPACESHIP,1,,,SIMPLE,,,", "category"},
            {"products.csv", "x,X,LOAN,8,,,SIMPLE,,,", "risk_class"},
            {"products.csv", "x,X,LOAN,1,0,,SIMPLE,,,", "term_months"},
            {"products.csv", "x,X,LOAN,1,,NaN,SIMPLE,,,", "annual_rate_percent"},
            {"products.csv", "x,X,LOAN,1,,,EASY,,,", "complexity"},
            {"products.csv", "x,X,LOAN,1,,,SIMPLE,40,30,", "max_age"},
            {"products.csv", "x,X,LOAN,1,,,SIMPLE,-1,,", "min_age"},
            {"products.csv", "current,X,LOAN,1,,,SIMPLE,,,", "id"},
            {"products.csv", ",X,LOAN,1,,,SIMPLE,,,", "id"},
            {"products.csv", "x,X,LOAN,1,,,SIMPLE,,", "description"},
            {"customers.csv", "C9,131,,,,,,,", "age"},
            {"customers.csv", "C9,forty,,,,,,,", "age"},
            {"customers.csv", "C9,,-5,,,,,,", "annual_income"},
            {"customers.csv", "C9,,1e,,,,,,", "annual_income"},
            {"customers.csv", "C9,,1.8e308,,,,,,", "annual_income"},
            {"customers.csv", "C9,,1e39,,,,,,", "annual_income"},
            {"customers.csv", "C9,,NaN,,,,,,", "annual_income"},
            {"customers.csv", "C9,,,,0,,,,", "risk_tolerance"},
            {"customers.csv", "C9,,,,,-1,,,", "tenure_months"},
            {"customers.csv", "C1,,,,,,,,", "id"},
            {"customers.csv", "C9,,,,,,,,,extra", "column 10"},
            {"interactions.csv", "C7,current,VIEW,2026-01-01,,", "customer_id"},
            {"interactions.csv", "C1,yacht,VIEW,2026-01-01,,", "product_id"},
            {"interactions.csv", "C1,current,LIKE,2026-01-01,,", "kind"},
            {"interactions.csv", "C1,current,VIEW,01/01/2026,,", "timestamp"},
            {"interactions.csv", "C1,current,VIEW,2026-01-01T10:00,,", "timestamp"},
            {"interactions.csv", "C1,current,VIEW,,,", "timestamp"},
            {"interactions.csv", "C1,current,VIEW,2026-01-01,,-1", "weight"},
            {"interactions.csv", "C1,current,VIEW,2026-01-01,,heavy", "weight"},
            {"interactions.csv", "C1,current,VIEW,2026-01-01,,1e39", "weight"},
            {"interactions.csv", "C1,current,VIEW,2026-01-01,,NaN", "weight"},
            {"interactions.csv", "C1,current,VIEW,2026-01-01,\"web,", null},
        };
        for (String[] bad : cases) {
            writeAGoodBankAgain();
            String name = bad[0];
            List<String> lines = Files.readAllLines(bank.resolve(name));
            lines.add(2, bad[1]);
            Path file = write(name, lines.toArray(String[]::new));
            assertStrictFailure(READER, bank, file, 3, bad[2]);
        }
    }

    private void writeAGoodBankAgain() throws IOException {
        for (String name : List.of("products.csv", "customers.csv", "interactions.csv")) {
            Files.deleteIfExists(bank.resolve(name));
        }
        Files.delete(bank);
        writeAGoodBank();
    }

    @Test
    void lenientReadingSkipsABadCustomerAndTheInteractionsThatNameIt() throws IOException {
        write("customers.csv", CUSTOMERS_HEADER, "C1,,,,,,", "C2,200,,,,,", "C3,,,,,,");
        write("interactions.csv", INTERACTIONS_HEADER,
                "C1,current,HOLD,2026-01-01,,",
                "C2,current,HOLD,2026-01-01,,",
                "C3,current,HOLD,2026-01-01,,",
                "C3,current,HOLD,someday,,");
        ImportResult result = assertLenientSkips(READER, bank, 4 + 3 + 4, 3);
        assertEquals(Set.of("customers.csv", "interactions.csv"), Set.of(
                result.problems().get(0).file().getFileName().toString(),
                result.problems().get(1).file().getFileName().toString()));
        assertEquals(List.of("age", "customer_id", "timestamp"),
                result.problems().stream().map(p -> p.field()).toList());
        assertEquals(2, result.dataset().customerCount());
        assertEquals(2, result.dataset().interactionCount());
        assertArrayEquals(new int[] {0}, result.dataset().holdings(1));
    }

    @Test
    void stopsWhenAFileIsMissingEmptyOrLacksAColumn() throws IOException {
        Path missingFolder = root.resolve("nowhere");
        assertStrictFailure(READER, missingFolder, ImportOptions.LENIENT, missingFolder, 0, null);
        Path notAFolder = write("notes.txt", "hello");
        assertStrictFailure(READER, notAFolder, notAFolder, 0, null);

        Files.delete(bank.resolve("interactions.csv"));
        assertStrictFailure(READER, bank, ImportOptions.LENIENT, bank.resolve("interactions.csv"), 0, null);

        Path customers = write("customers.csv");
        assertStrictFailure(READER, bank, ImportOptions.LENIENT, customers, 0, null);
        write("customers.csv", "id,age,annual_income,segment,risk_tolerance,tenure_months");
        assertStrictFailure(READER, bank, ImportOptions.LENIENT, customers, 1, "preferred_channel");
        write("customers.csv", "id,age,age,annual_income,segment,risk_tolerance,tenure_months,preferred_channel");
        assertStrictFailure(READER, bank, ImportOptions.LENIENT, customers, 1, "age");
        Path products = write("products.csv", "id,name");
        assertStrictFailure(READER, bank, ImportOptions.LENIENT, products, 1, "category");
    }

    @Test
    void toleratesMissingOptionalColumnsAndBlankLines() throws IOException {
        write("interactions.csv", "timestamp,kind,product_id,customer_id", "", "2026-01-01,HOLD,current,C1", "  ");
        ImportResult result = READER.read(bank, ImportOptions.STRICT.withName("renamed"));
        assertEquals("renamed", result.dataset().name());
        assertEquals(1, result.dataset().interactionCount());
        assertEquals(1.0, result.dataset().interactionWeight(0));
        assertEquals(Map.of(), result.dataset().customer(1).attributes());
        assertTrue(result.problems().isEmpty());
    }
}
