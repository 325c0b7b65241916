package org.finrec.data.internal.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.finrec.api.Customer;
import org.finrec.api.InteractionKind;
import org.finrec.api.Product;
import org.finrec.api.data.Dataset;
import org.finrec.api.data.ProgressListener;
import org.finrec.data.DatasetFormat;
import org.finrec.data.DatasetReader;
import org.finrec.data.ImportOptions;
import org.finrec.data.SyntheticBank;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticBankTest {

    private static final int CUSTOMERS = 20_000;
    private static final int MONTHS = 17;
    private static Dataset bank;

    @BeforeAll
    static void generate() {
        bank = new SyntheticBank(CUSTOMERS, MONTHS, 42).generate(ProgressListener.NONE);
    }

    @Test
    void theSameSeedGivesTheSameBankAndAnotherSeedAnotherOne() {
        Dataset again = new SyntheticBank(CUSTOMERS, MONTHS, 42).generate(ProgressListener.NONE);
        assertEquals(bank.interactionCount(), again.interactionCount());
        for (int c = 0; c < CUSTOMERS; c += 97) {
            assertEquals(bank.customer(c), again.customer(c));
        }
        for (int i = 0; i < bank.interactionCount(); i += 101) {
            assertEquals(bank.interactionCustomer(i), again.interactionCustomer(i));
            assertEquals(bank.interactionProduct(i), again.interactionProduct(i));
            assertEquals(bank.interactionKind(i), again.interactionKind(i));
        }
        Dataset other = new SyntheticBank(CUSTOMERS, MONTHS, 43).generate(ProgressListener.NONE);
        assertTrue(other.interactionCount() != bank.interactionCount()
                || !other.customer(0).equals(bank.customer(0)));
    }

    @Test
    void holdingsAreAlwaysEligibleAndWithinTheAssessedRiskTolerance() {
        for (int c = 0; c < CUSTOMERS; c++) {
            Customer customer = bank.customer(c);
            for (int p : bank.holdings(c)) {
                Product product = bank.product(p);
                assertTrue(product.eligibleAges().contains(customer.age().getAsInt()), customer + " holds " + product);
                if (customer.riskTolerance().isPresent()) {
                    assertTrue(product.riskClass().getAsInt() <= customer.riskTolerance().getAsInt(),
                            customer + " holds " + product);
                }
            }
        }
    }

    @Test
    void interactionsReplayToTheFinalHoldings() {
        Map<Long, Boolean> owned = new HashMap<>();
        for (int i = 0; i < bank.interactionCount(); i++) {
            long key = (long) bank.interactionCustomer(i) * bank.productCount() + bank.interactionProduct(i);
            InteractionKind kind = bank.interactionKind(i);
            boolean nowOwned = kind != InteractionKind.CLOSE;
            Boolean before = owned.put(key, nowOwned);
            if (kind == InteractionKind.PURCHASE) {
                assertTrue(before == null || !before, "purchase of a product already held");
            }
            if (kind == InteractionKind.CLOSE) {
                assertTrue(before != null && before, "close of a product not held");
            }
        }
        for (int c = 0; c < CUSTOMERS; c += 7) {
            for (int p : bank.holdings(c)) {
                assertEquals(Boolean.TRUE, owned.get((long) c * bank.productCount() + p));
            }
        }
    }

    @Test
    void theDataHasSignalThatAModelCanLearn() {
        int payroll = indexOf("nomina");
        int payrollAccount = indexOf("cno_fin");
        int pensionPayments = indexOf("nom_pens");
        int both = 0;
        int payrollHolders = 0;
        int accountHolders = 0;
        int retired = 0;
        int retiredWithPension = 0;
        int others = 0;
        int othersWithPension = 0;
        for (int c = 0; c < CUSTOMERS; c++) {
            int[] held = bank.holdings(c);
            boolean hasPayroll = contains(held, payroll);
            boolean hasAccount = contains(held, payrollAccount);
            payrollHolders += hasPayroll ? 1 : 0;
            accountHolders += hasAccount ? 1 : 0;
            both += hasPayroll && hasAccount ? 1 : 0;
            boolean isRetired = bank.customer(c).attribute("lifeStage").orElseThrow().equals("RETIRED");
            if (isRetired) {
                retired++;
                retiredWithPension += contains(held, pensionPayments) ? 1 : 0;
            } else {
                others++;
                othersWithPension += contains(held, pensionPayments) ? 1 : 0;
            }
        }
        double independent = (double) payrollHolders * accountHolders / CUSTOMERS;
        assertTrue(both > 2 * independent, "payroll and payroll account go together: " + both + " vs " + independent);
        assertTrue((double) retiredWithPension / retired > 10.0 * othersWithPension / others,
                "pension payments belong to the retired");
    }

    @Test
    void aFewPercentOfCustomersAddAProductEachMonth() {
        long lastMonth = bank.interactionEpochMillis(bank.interactionCount() - 1);
        java.util.BitSet adders = new java.util.BitSet(CUSTOMERS);
        for (int i = bank.interactionCount() - 1; i >= 0 && bank.interactionEpochMillis(i) == lastMonth; i--) {
            if (bank.interactionKind(i) == InteractionKind.PURCHASE) {
                adders.set(bank.interactionCustomer(i));
            }
        }
        double share = (double) adders.cardinality() / CUSTOMERS;
        // the Santander data: about 3.5% of customers add a product in a month
        assertTrue(share > 0.015 && share < 0.10, "share of customers adding in the last month: " + share);
    }

    @Test
    void theSantanderCsvReadsBackToTheSameBank(@TempDir Path folder) throws IOException {
        SyntheticBank small = new SyntheticBank(2_000, 4, 7);
        Path file = folder.resolve("train_ver2.csv");

        long rows = small.writeSantanderCsv(file, ProgressListener.NONE);

        assertEquals(2_000L * 4, rows);
        assertEquals(rows + 1, Files.lines(file).count());
        Dataset written = small.generate(ProgressListener.NONE);
        Dataset read = DatasetReader.of(DatasetFormat.SANTANDER).read(file, ImportOptions.STRICT).dataset();
        assertEquals(written.customerCount(), read.customerCount());
        for (int c = 0; c < written.customerCount(); c++) {
            int r = read.customerIndex(written.customer(c).id());
            assertArrayEquals(written.holdings(c), read.holdings(r), "holdings of " + written.customer(c).id());
            assertEquals(written.customer(c).age(), read.customer(r).age());
        }
        assertEquals(count(written, InteractionKind.PURCHASE), count(read, InteractionKind.PURCHASE));
        assertEquals(count(written, InteractionKind.CLOSE), count(read, InteractionKind.CLOSE));
    }

    private static long count(Dataset dataset, InteractionKind kind) {
        long count = 0;
        for (int i = 0; i < dataset.interactionCount(); i++) {
            count += dataset.interactionKind(i) == kind ? 1 : 0;
        }
        return count;
    }

    private static int indexOf(String productId) {
        int index = bank.productIndex(productId);
        assertTrue(index >= 0, "no product " + productId);
        return index;
    }

    private static boolean contains(int[] sorted, int value) {
        return java.util.Arrays.binarySearch(sorted, value) >= 0;
    }
}
