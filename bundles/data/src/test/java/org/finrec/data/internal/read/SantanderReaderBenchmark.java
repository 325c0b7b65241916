package org.finrec.data.internal.read;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.finrec.api.data.Dataset;
import org.finrec.data.DatasetFormat;
import org.finrec.data.DatasetReader;
import org.finrec.data.ImportOptions;
import org.finrec.data.ImportResult;

/**
 * A performance sanity check of the Santander reader, run by hand (not by the build, and it asserts nothing):
 * writes a {@code train_ver2.csv}-like file of {@code customers} customers over {@code months} months from the
 * rows of the Kaggle sample (new {@code ncodpers} and dates, about 2% of customers changing a flag each month),
 * reads it strictly and prints rows and megabytes per second.
 *
 * <pre>
 * mvn -q -o -f bundles/data/pom.xml test-compile
 * java -Xmx2g -cp bundles/data/target/classes:bundles/data/target/test-classes:bundles/api/target/classes:\
 * $HOME/.m2/repository/org/apache/commons/commons-csv/1.10.0/commons-csv-1.10.0.jar \
 *     org.finrec.data.internal.read.SantanderReaderBenchmark [customers=200000] [months=17] [sample path]
 * </pre>
 */
public final class SantanderReaderBenchmark {

    private SantanderReaderBenchmark() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args customers, months and the sample's path, optional
     * @throws IOException if the file cannot be written
     */
    public static void main(String[] args) throws IOException {
        int customers = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int months = args.length > 1 ? Integer.parseInt(args[1]) : 17;
        Path sample = Path.of(args.length > 2 ? args[2] : "../shared/data/santander-sample/trainsubset.csv");
        List<String> lines = Files.readAllLines(sample, StandardCharsets.UTF_8);
        Path file = Files.createTempFile("train_ver2-", ".csv");
        try {
            long written = System.nanoTime();
            write(file, lines, customers, months);
            long size = Files.size(file);
            System.out.printf(Locale.ROOT, "wrote %d rows, %d MB in %.1f s%n", (long) customers * months, size >> 20,
                    (System.nanoTime() - written) / 1e9);
            for (int run = 0; run < 2; run++) {
                long start = System.nanoTime();
                ImportResult result = DatasetReader.of(DatasetFormat.SANTANDER).read(file, ImportOptions.STRICT);
                double seconds = (System.nanoTime() - start) / 1e9;
                Dataset dataset = result.dataset();
                System.out.printf(Locale.ROOT, "run %d: %s in %.1f s: %.0f rows/s, %.1f MB/s%n", run, dataset,
                        seconds, result.rowsRead() / seconds, size / 1e6 / seconds);
            }
        } finally {
            Files.delete(file);
        }
    }

    private static void write(Path file, List<String> lines, int customers, int months) throws IOException {
        SplittableRandom random = new SplittableRandom(1);
        int rows = lines.size() - 1;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(lines.get(0));
            out.write('\n');
            LocalDate first = LocalDate.parse("2015-01-28");
            for (int month = 0; month < months; month++) {
                String date = first.plusMonths(month).toString();
                for (int c = 0; c < customers; c++) {
                    String[] cells = lines.get(1 + c % rows).split(",", -1);
                    cells[0] = date;
                    cells[1] = Integer.toString(15_889 + c);
                    if (month > 0 && random.nextInt(50) == 0) {
                        int flag = cells.length - 1 - random.nextInt(24);
                        cells[flag] = cells[flag].strip().equals("1") ? "0" : "1";
                    }
                    out.write(String.join(",", cells));
                    out.write('\n');
                }
            }
        }
    }
}
