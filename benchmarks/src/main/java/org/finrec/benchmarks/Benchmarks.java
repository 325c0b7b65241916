package org.finrec.benchmarks;

import java.util.Arrays;

/**
 * Entry point of the benchmark commands: {@code java -jar benchmarks/target/finrec-benchmarks/finrec-benchmarks.jar
 * <name> [options]}. Each benchmark prints a markdown table with its figures and their ratio to a baseline
 * measured in the same run, because the machines we measure on are shared and noisy.
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    /**
     * Runs one benchmark.
     *
     * @param args the benchmark's name, then its options
     * @throws Exception if the benchmark fails
     */
    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: finrec-benchmarks synthetic-bank [--customers N] [--months M]\n"
                    + "       finrec-benchmarks facade-latency [--customers 10000,100000,1000000] [--requests N] "
                    + "[--algorithms USER_KNN,ITEM_KNN,ALS,BPR] [--bundles runtime/target/finrec-runtime/bundles]");
            System.exit(2);
        }
        String[] options = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "synthetic-bank":
                SyntheticBankBenchmark.run(options);
                break;
            case "facade-latency":
                FacadeLatencyBenchmark.run(options);
                break;
            default:
                System.err.println("unknown benchmark " + args[0]);
                System.exit(2);
        }
    }
}
