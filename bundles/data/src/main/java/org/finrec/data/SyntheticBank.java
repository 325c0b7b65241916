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

    private final SyntheticBankGenerator generator;

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
