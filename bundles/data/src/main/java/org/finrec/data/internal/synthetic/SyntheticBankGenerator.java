package org.finrec.data.internal.synthetic;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.finrec.api.Customer;
import org.finrec.api.InteractionKind;
import org.finrec.api.Product;
import org.finrec.api.concurrent.NamedThreads;
import org.finrec.api.data.Dataset;
import org.finrec.api.data.ProgressListener;
import org.finrec.data.internal.catalog.SantanderProducts;
import org.finrec.data.internal.store.DatasetBuilder;

/**
 * Simulates customers in blocks on all cores and consumes the blocks in order, so that the output does not
 * depend on the number of threads and at most a few blocks are in memory beyond the dataset itself.
 */
public final class SyntheticBankGenerator {

    /** The first snapshot date of the Santander data. */
    static final LocalDate FIRST_MONTH = LocalDate.of(2015, 1, 28);
    private static final int BLOCK = 8_192;

    private final int customers;
    private final int months;
    private final long seed;
    private final List<Product> products = SantanderProducts.PRODUCTS;

    /**
     * Creates a generator.
     *
     * @param customers how many customers
     * @param months how many months
     * @param seed the random seed
     */
    public SyntheticBankGenerator(int customers, int months, long seed) {
        this.customers = customers;
        this.months = months;
        this.seed = seed;
    }

    /** Receives the customers of one block, in index order. */
    private interface BlockConsumer {
        void accept(SyntheticCustomer[] block) throws IOException;
    }

    /**
     * Generates the dataset.
     *
     * @param progress progress listener
     * @return the dataset
     */
    public Dataset generate(ProgressListener progress) {
        DatasetBuilder builder = new DatasetBuilder(String.format(Locale.ROOT, "synthetic-bank-%d-%d-%d", customers,
                months, seed), products);
        long[] monthMillis = new long[months];
        for (int month = 0; month < months; month++) {
            monthMillis[month] = FIRST_MONTH.plusMonths(month).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        }
        simulateInBlocks(progress, "simulating customers", block -> {
            for (SyntheticCustomer customer : block) {
                int index = builder.addCustomer(toCustomer(customer));
                int[] masks = customer.holdingsByMonth;
                emit(builder, index, masks[0], InteractionKind.HOLD, monthMillis[0]);
                for (int month = 1; month < months; month++) {
                    int changed = masks[month] ^ masks[month - 1];
                    emit(builder, index, changed & masks[month], InteractionKind.PURCHASE, monthMillis[month]);
                    emit(builder, index, changed & masks[month - 1], InteractionKind.CLOSE, monthMillis[month]);
                }
            }
        });
        return builder.build();
    }

    private static void emit(DatasetBuilder builder, int customer, int mask, InteractionKind kind, long millis) {
        for (int rest = mask; rest != 0; rest &= rest - 1) {
            builder.addInteraction(customer, Integer.numberOfTrailingZeros(rest), kind, millis, 1f);
        }
    }

    private Customer toCustomer(SyntheticCustomer simulated) {
        Customer.Builder customer = Customer.builder(Integer.toString(simulated.index + 1))
                .age(simulated.age)
                .segment(simulated.stage.segment)
                .tenureMonths(simulated.tenureMonths)
                .preferredChannel(simulated.channel)
                .attribute("sexo", simulated.sex)
                .attribute("nomprov", simulated.province)
                .attribute("ind_actividad_cliente", simulated.active ? "1" : "0")
                .attribute("lifeStage", simulated.stage.name());
        if (simulated.income > 0) {
            customer.annualIncome(Math.round(simulated.income * 100) / 100.0);
        }
        if (simulated.assessed) {
            customer.riskTolerance(simulated.riskTolerance);
        }
        int last = simulated.holdingsByMonth[months - 1];
        for (int rest = last; rest != 0; rest &= rest - 1) {
            customer.holding(products.get(Integer.numberOfTrailingZeros(rest)).id());
        }
        return customer.build();
    }

    /**
     * Writes the Santander CSV.
     *
     * @param file target file
     * @param progress progress listener
     * @return rows written
     */
    public long writeSantanderCsv(Path file, ProgressListener progress) {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        long[] rows = {0};
        try (BufferedWriter out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            out.write(SantanderCsvRow.HEADER);
            out.newLine();
            for (int month = 0; month < months; month++) {
                int current = month;
                String date = FIRST_MONTH.plusMonths(month).toString();
                simulateInBlocks(ProgressListener.NONE, "", block -> {
                    for (SyntheticCustomer customer : block) {
                        out.write(SantanderCsvRow.of(customer, date, current));
                        out.newLine();
                        rows[0]++;
                    }
                });
                progress.progress("writing rows", rows[0], (long) customers * months);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + temporary, e);
        }
        try {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + temporary + " to " + file, e);
        }
        return rows[0];
    }

    /**
     * Simulates every customer in blocks on all cores and hands each block to the consumer in index order.
     * The Santander CSV is written month by month, so each month simulates the customers again: the simulation
     * is cheap and deterministic, and holding all months of a million customers is what the writer avoids.
     */
    private void simulateInBlocks(ProgressListener progress, String step, BlockConsumer consumer) {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads, NamedThreads.numbered("finrec-synthetic-bank"));
        try {
            Deque<Future<SyntheticCustomer[]>> inFlight = new ArrayDeque<>();
            int next = 0;
            int done = 0;
            while (done < customers) {
                while (next < customers && inFlight.size() < 2 * threads) {
                    int start = next;
                    int end = Math.min(customers, start + BLOCK);
                    inFlight.add(pool.submit(() -> simulate(start, end)));
                    next = end;
                }
                SyntheticCustomer[] block = inFlight.removeFirst().get();
                consumer.accept(block);
                done += block.length;
                progress.progress(step, done, customers);
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("simulation failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while simulating customers", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            pool.shutdownNow();
        }
    }

    private SyntheticCustomer[] simulate(int start, int end) {
        SyntheticCustomer[] block = new SyntheticCustomer[end - start];
        for (int i = start; i < end; i++) {
            block[i - start] = SyntheticCustomer.simulate(seed, i, months, products);
        }
        return block;
    }
}
