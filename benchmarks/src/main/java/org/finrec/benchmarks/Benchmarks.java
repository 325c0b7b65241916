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
                    + "       finrec-benchmarks customer-history [--customers 1000000] [--months 17] "
                    + "[--requests 200000] [--recent-events 5]\n"
                    + "       finrec-benchmarks facade-latency [--customers 10000,100000,1000000] [--requests N] "
                    + "[--algorithms USER_KNN,ITEM_KNN,ALS,BPR,content-naive-bayes,content-match,content-match-intent,"
                    + "sequential] [--features platform,core,cf,experiment,content,inference,sequential] "
                    + "[--sequential-epochs 20] "
                    + "[--bundles runtime/target/finrec-runtime/bundles]\n"
                    + "       finrec-benchmarks hot-swap [--swaps 100] [--customers 20000] [--threads 2xcores] "
                    + "[--baseline-seconds 10] [--route replace|deploy|both]\n"
                    + "       finrec-benchmarks text-encoder [--sentences 2000] [--threads 8]\n"
                    + "       finrec-benchmarks text-index [--documents 10000] [--seconds 5]\n"
                    + "       finrec-benchmarks peers [--data ../shared/data/movielens-100k/u.data] [--threads N] "
                    + "[--warmups 1] [--bundles runtime/target/finrec-runtime/bundles]   (built with -Ppeers)");
            System.exit(2);
        }
        String[] options = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "synthetic-bank":
                SyntheticBankBenchmark.run(options);
                break;
            case "customer-history":
                CustomerHistoryBenchmark.run(options);
                break;
            case "facade-latency":
                FacadeLatencyBenchmark.run(options);
                break;
            case "peers":
                runPeers(options);
                break;
            case "hot-swap":
                HotSwapBenchmark.run(options);
                break;
            case "text-encoder":
                TextEncoderBenchmark.run(options);
                break;
            case "text-index":
                TextIndexBenchmark.run(options);
                break;
            default:
                System.err.println("unknown benchmark " + args[0]);
                System.exit(2);
        }
    }

    /** The peer comparison lives in src/peers/java and is compiled only with the Maven profile {@code peers}. */
    private static void runPeers(String[] options) throws Exception {
        Class<?> type;
        try {
            type = Class.forName("org.finrec.benchmarks.PeersBenchmark");
        } catch (ClassNotFoundException e) {
            System.err.println("the peers benchmark is not in this build: build with "
                    + "mvn -q -B package -DskipTests -Ppeers");
            System.exit(2);
            return;
        }
        java.lang.reflect.Method run = type.getDeclaredMethod("run", String[].class);
        run.setAccessible(true);
        try {
            run.invoke(null, (Object) options);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }
}
