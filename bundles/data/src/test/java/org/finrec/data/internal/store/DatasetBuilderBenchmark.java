package org.finrec.data.internal.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.finrec.api.Customer;
import org.finrec.api.InteractionKind;
import org.finrec.api.Product;
import org.finrec.api.data.CustomerHistories;

/**
 * A performance sanity check of the columnar store at bank scale, run by hand (not by the build, and it asserts
 * nothing): builds {@code customers} customers with a full profile and a few holdings, {@code products} products
 * and one interaction per customer and month for {@code months} months, added customer by customer so that the
 * build has to sort them, then reads everything back. Prints the time of each phase and the heap in use, then
 * builds the customer-history index (what sequential models read) and prints what it adds.
 *
 * <pre>
 * mvn -q -B -pl bundles/api,bundles/data test-compile
 * java -Xmx4g -cp bundles/data/target/classes:bundles/data/target/test-classes:bundles/api/target/classes \
 *     org.finrec.data.internal.store.DatasetBuilderBenchmark [customers=1000000] [products=1000] [months=17]
 * </pre>
 */
public final class DatasetBuilderBenchmark {

    private DatasetBuilderBenchmark() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args customers, products and months, optional
     */
    public static void main(String[] args) {
        int customers = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int productCount = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        int months = args.length > 2 ? Integer.parseInt(args[2]) : 17;
        SplittableRandom random = new SplittableRandom(42);
        String[] segments = {"student", "young", "family", "affluent", "retired", "private", "business", "other"};
        String[] channels = {"branch", "online", "mobile", "phone"};
        String[] provinces = new String[52];
        for (int i = 0; i < provinces.length; i++) {
            provinces[i] = "province-" + i;
        }
        List<Product> products = new ArrayList<>();
        for (int p = 0; p < productCount; p++) {
            products.add(Product.builder("product-" + p).build());
        }

        long start = System.nanoTime();
        DatasetBuilder builder = new DatasetBuilder("benchmark", products);
        int[] held = new int[4];
        for (int c = 0; c < customers; c++) {
            int index = builder.addCustomer(Customer.builder("C" + (10_000_000 + c)).age(18 + random.nextInt(80))
                    .annualIncome(random.nextInt(200_000)).segment(segments[random.nextInt(segments.length)])
                    .riskTolerance(1 + random.nextInt(7)).tenureMonths(random.nextInt(400))
                    .preferredChannel(channels[random.nextInt(channels.length)])
                    .attribute("province", provinces[random.nextInt(provinces.length)])
                    .attribute("sex", random.nextBoolean() ? "H" : "V")
                    .attribute("active", random.nextBoolean() ? "1" : "0").build());
            for (int k = 0; k < held.length; k++) {
                held[k] = random.nextInt(productCount);
            }
            builder.setHoldings(index, held);
        }
        long customersAdded = System.nanoTime();
        long month = 30L * 86_400_000L;
        for (int c = 0; c < customers; c++) {
            for (int m = 0; m < months; m++) {
                builder.addInteraction(c, random.nextInt(productCount), InteractionKind.PURCHASE,
                        1_420_070_400_000L + m * month, 1f);
            }
        }
        long interactionsAdded = System.nanoTime();
        ColumnarDataset dataset = builder.build();
        long built = System.nanoTime();
        builder = null;

        long checksum = 0;
        for (int c = 0; c < dataset.customerCount(); c += 10) {
            checksum += dataset.customer(c).attributes().size();
        }
        long materialised = System.nanoTime();
        for (int i = 0; i < dataset.interactionCount(); i++) {
            checksum += dataset.interactionCustomer(i) + dataset.interactionProduct(i)
                    + dataset.interactionEpochMillis(i);
        }
        long scanned = System.nanoTime();
        for (int c = 0; c < dataset.customerCount(); c++) {
            checksum += dataset.customerIndex("C" + (10_000_000 + c));
        }
        long looked = System.nanoTime();

        long heap = usedHeapAfterGc();
        long historiesStarted = System.nanoTime();
        CustomerHistories histories = dataset.customerHistories();
        long historiesBuilt = System.nanoTime();
        long heapWithHistories = usedHeapAfterGc();
        checksum += histories.length(0);
        System.out.printf(Locale.ROOT, "%s (checksum %d)%n", dataset, checksum);
        System.out.printf(Locale.ROOT, "add customers      %8.0f ms%n", (customersAdded - start) / 1e6);
        System.out.printf(Locale.ROOT, "add interactions   %8.0f ms%n", (interactionsAdded - customersAdded) / 1e6);
        System.out.printf(Locale.ROOT, "build (sort, CSR)  %8.0f ms%n", (built - interactionsAdded) / 1e6);
        System.out.printf(Locale.ROOT, "customer(i) x %d  %8.0f ms%n", dataset.customerCount() / 10,
                (materialised - built) / 1e6);
        System.out.printf(Locale.ROOT, "scan interactions  %8.0f ms%n", (scanned - materialised) / 1e6);
        System.out.printf(Locale.ROOT, "customerIndex x %d %8.0f ms%n", dataset.customerCount(),
                (looked - scanned) / 1e6);
        System.out.printf(Locale.ROOT, "heap in use after GC: %d MB%n", heap >> 20);
        System.out.printf(Locale.ROOT, "customerHistories  %8.0f ms, +%d MB heap (%d MB counted: 4 bytes per "
                + "interaction and per customer), %d MB in all%n", (historiesBuilt - historiesStarted) / 1e6,
                (heapWithHistories - heap) >> 20, histories.indexBytes() >> 20, heapWithHistories >> 20);
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
