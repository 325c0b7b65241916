package org.finrec.data;

import java.nio.file.Path;
import org.finrec.api.data.Dataset;
import org.finrec.api.data.ProgressListener;
import org.finrec.data.internal.synthetic.SyntheticBankGenerator;

/**
 * A synthetic bank in the Santander schema, for demos and scale tests: customers with a latent life stage,
 * income, risk appetite and digital affinity adopt and drop the 24 {@link SantanderCatalog} products month by
 * month. The same settings always give the same bank, whatever the number of threads. See the README for the
 * generative story.
 */
public final class SyntheticBank {

    /** Customers in the sample that {@link #estimatedBytesPerCustomer} generates. */
    private static final int SAMPLE_CUSTOMERS = 1_000;

    private final SyntheticBankGenerator generator;
    private final int months;
    private final long seed;

    /**
     * Describes a bank.
     *
     * @param customers how many customers, 1 or more
     * @param months how many monthly snapshots, 1 to 120 (the Santander data has 17)
     * @param seed the random seed
     */
    public SyntheticBank(int customers, int months, long seed) {
        if (customers < 1) {
            throw new IllegalArgumentException("customers must be >= 1, got " + customers);
        }
        if (months < 1 || months > 120) {
            throw new IllegalArgumentException("months must be 1..120, got " + months);
        }
        this.generator = new SyntheticBankGenerator(customers, months, seed);
        this.months = months;
        this.seed = seed;
    }

    /**
     * Estimates the heap that {@link #generate} takes per customer, before anything else is done with the bank:
     * generates a sample of {@value #SAMPLE_CUSTOMERS} customers with the same months and seed (a few milliseconds)
     * and prices the store's columns for it: per customer the profile columns (19 bytes), one code per attribute
     * (4 bytes each), the id and its index slot (about 64 bytes), its holdings (4 bytes each, and an offset), and
     * per interaction 21 bytes (customer, product, kind, time, weight); doubled, because the growing columns and
     * the sort by time hold two copies while the bank is built.
     *
     * @return bytes per customer, more than 0
     */
    public long estimatedBytesPerCustomer() {
        Dataset sample = new SyntheticBankGenerator(SAMPLE_CUSTOMERS, months, seed).generate(ProgressListener.NONE);
        long held = 0;
        for (int c = 0; c < sample.customerCount(); c++) {
            held += sample.holdings(c).length;
        }
        long attributes = sample.customer(0).attributes().size();
        long bytes = sample.customerCount() * (19 + 4 * attributes + 64 + 4) + 4 * held
                + 21L * sample.interactionCount();
        return Math.max(1, 2 * bytes / sample.customerCount());
    }

    /**
     * Generates the bank in memory, on all cores. Customers carry the life stage they were drawn from as the
     * attribute {@code lifeStage} (the ground truth), and a risk tolerance where the bank assessed them (85%).
     *
     * @param progress receives "simulating customers" reports
     * @return the dataset: holdings as of the last month; {@code HOLD} interactions for the first month's holdings,
     *     {@code PURCHASE} and {@code CLOSE} for later changes, dated on the 28th of each month from January 2015
     */
    public Dataset generate(ProgressListener progress) {
        return generator.generate(progress);
    }

    /**
     * Writes the bank as a Santander {@code train_ver2.csv} file (one row per customer and month), streaming:
     * memory does not grow with the number of customers.
     *
     * @param file the file to write (replaced atomically when complete)
     * @param progress receives "writing rows" reports
     * @return rows written
     */
    public long writeSantanderCsv(Path file, ProgressListener progress) {
        return generator.writeSantanderCsv(file, progress);
    }
}
