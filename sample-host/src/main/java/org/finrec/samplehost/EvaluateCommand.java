package org.finrec.samplehost;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.finrec.api.data.Dataset;
import org.finrec.eval.Leaderboard;
import org.finrec.eval.Split;
import org.finrec.eval.Splitter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Reads a dataset, splits it by a protocol, and evaluates every recommender on it. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Evaluate the recommenders on a dataset and print the leaderboard.")
final class EvaluateCommand implements Callable<Integer> {

    /** How to divide the data into training and test. */
    enum Protocol {
        /** Hide one held product per customer. */
        MASKED_HOLDINGS,
        /** Last interaction per customer is the test case. */
        LEAVE_ONE_OUT,
        /** Each customer's interactions at random, 80/10/10 unless --train-share and --validation-share say otherwise. */
        RANDOM,
        /** Products added in the last month (or from --cutoff), predicted from before. */
        TEMPORAL,
        /** Train on --data, test on the purchases in --test. */
        TRAIN_TEST,
        /** Cold start: --test-share of the customers lose every holding and are asked for them back. */
        NEW_CUSTOMERS,
        /** Cold start: the --products lose every holder and interaction, and their holders are asked for them. */
        NEW_PRODUCTS
    }

    @Mixin
    DatasetOptions input;

    @Option(names = "--protocol", required = true, description = "One of ${COMPLETION-CANDIDATES}.")
    Protocol protocol;

    @Option(names = "--test", description = "Test data for TRAIN_TEST, in the same format.")
    Path test;

    @Option(names = "--cutoff", description = "First instant of the test period for TEMPORAL (ISO-8601; default: "
            + "the last snapshot in the data).")
    Instant cutoff;

    @Option(names = "-k", defaultValue = "10", description = "Cut-off (default ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of random splits (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--train-share", defaultValue = "0.8",
            description = "RANDOM: share of each customer's interactions for training (default ${DEFAULT-VALUE}).")
    double trainShare;

    @Option(names = "--validation-share", defaultValue = "0.1",
            description = "RANDOM: share for validation; the rest is test (default ${DEFAULT-VALUE}).")
    double validationShare;

    @Option(names = "--test-share", defaultValue = "0.2",
            description = "NEW_CUSTOMERS: share of the customers with holdings that become new (default "
                    + "${DEFAULT-VALUE}).")
    double testShare;

    @Option(names = "--products", split = ",", description = "NEW_PRODUCTS: the products that become new, by id.")
    List<String> newProducts;

    @Option(names = "--text", description = "Also run the inference feature, so that content match compares product "
            + "texts (MiniLM) with what each customer holds.")
    boolean text;

    @Option(names = "--sequential", description = "Also run the inference and sequential features and evaluate the "
            + "sequential (self-attention) recommender, which trains with DJL on the inference runtime's device.")
    boolean sequential;

    @Option(names = "--sequential-epochs", defaultValue = "200", description = "With --sequential: at most this many "
            + "training epochs (early stopping on validation NDCG@10 may end sooner; default ${DEFAULT-VALUE}).")
    int sequentialEpochs;

    @Option(names = "--training-timeout-minutes", defaultValue = "30",
            description = "How long one contender may train (default ${DEFAULT-VALUE}).")
    long trainingTimeoutMinutes;

    @Option(names = "--out", description = "Folder to write leaderboard.md and leaderboard.json to.")
    Path outFolder;

    @Option(names = "--bundles", description = "Folder of bundle JARs (default: bundles/ beside the sample host).")
    Path bundles;

    private final PrintStream out = System.out;

    @Override
    public Integer call() {
        ConsoleProgress progress = ConsoleProgress.onStandardError();
        Dataset dataset = input.read(progress);
        Split split = splitter(dataset, progress).split(dataset);
        progress.finish();
        out.printf("%s: %,d customers, %,d products, %,d interactions; %s: %,d test cases%n%n", dataset.name(),
                dataset.customerCount(), dataset.productCount(), dataset.interactionCount(), split.protocol(),
                split.test().size());
        Set<EmbeddedFinrec.Extra> extras = EnumSet.noneOf(EmbeddedFinrec.Extra.class);
        extras.addAll(EmbeddedFinrec.text(text));
        List<EvaluationHarness.Contender> contenders = new ArrayList<>(Contenders.forDataset(split.train()));
        if (sequential) {
            extras.add(EmbeddedFinrec.Extra.SEQUENTIAL);
            contenders.add(Contenders.sequential(sequentialEpochs));
        }
        try (EmbeddedFinrec finrec = EmbeddedFinrec.start(EmbeddedFinrec.bundleFolder(bundles), split.train(),
                extras)) {
            Leaderboard leaderboard = new EvaluationHarness(finrec.runtime(), progress,
                    Duration.ofMinutes(trainingTimeoutMinutes)).evaluate(dataset.name(), split, contenders, k);
            progress.finish();
            out.print(leaderboard.toMarkdown());
            if (outFolder != null) {
                write(outFolder.resolve("leaderboard.md"), leaderboard.toMarkdown());
                write(outFolder.resolve("leaderboard.json"), LeaderboardJson.of(leaderboard));
            }
        }
        return 0;
    }

    private Splitter splitter(Dataset dataset, ConsoleProgress progress) {
        switch (protocol) {
            case MASKED_HOLDINGS:
                return Splitter.maskedHoldings(seed);
            case LEAVE_ONE_OUT:
                return Splitter.leaveOneOut();
            case RANDOM:
                return Splitter.randomPerUser(trainShare, validationShare, seed);
            case TEMPORAL:
                Instant start = cutoff != null ? cutoff
                        : Instant.ofEpochMilli(dataset.interactionEpochMillis(dataset.interactionCount() - 1));
                return Splitter.temporal(start, start.plus(Duration.ofDays(1)));
            case NEW_CUSTOMERS:
                return Splitter.newCustomers(testShare, seed);
            case NEW_PRODUCTS:
                if (newProducts == null || newProducts.isEmpty()) {
                    throw new IllegalArgumentException("--protocol NEW_PRODUCTS needs --products <id,id,...>");
                }
                return Splitter.newProducts(newProducts);
            default:
                if (test == null) {
                    throw new IllegalArgumentException("--protocol TRAIN_TEST needs --test <path>");
                }
                return Splitter.trainTest(input.read(test, progress));
        }
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
