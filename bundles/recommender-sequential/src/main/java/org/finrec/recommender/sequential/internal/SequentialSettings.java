package org.finrec.recommender.sequential.internal;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.finrec.api.InteractionKind;
import org.finrec.api.config.ConfigurationReader;

/**
 * The hyper-parameters of a sequential model, checked. Everything here shapes the trained model, so two equal
 * settings on the same data give the same model (on CPU), and {@link #lineage()} records them all.
 *
 * @param maxLength the most recent events a sequence keeps, 2..512
 * @param width the width of event representations, 8..1024, a multiple of {@code heads}
 * @param layers attention blocks, 1..12
 * @param heads attention heads, 1..16
 * @param dropout dropout rate in training, [0, 0.9]
 * @param epochs the most passes over the customers, 1..10000
 * @param batchSize customers per step, 1..4096
 * @param learningRate Adam's learning rate after the warm-up, (0, 1]
 * @param warmupSteps steps over which the learning rate rises linearly from 0, 0..1000000
 * @param patience epochs without a better validation NDCG@10 before training stops, 1..1000
 * @param sampledNegatives 0 for the full softmax over the catalogue; else the number of uniformly sampled
 *     negatives per step (for catalogues too large for the full softmax), 1..1000000
 * @param validationCustomers the most customers whose last event validates each epoch, 100..10000000
 * @param targetKinds the event kinds whose product is a prediction target (every event is an input)
 * @param seed the random seed of initialisation, dropout and order
 */
record SequentialSettings(int maxLength, int width, int layers, int heads, double dropout, int epochs, int batchSize,
        double learningRate, int warmupSteps, int patience, int sampledNegatives, int validationCustomers,
        Set<InteractionKind> targetKinds, long seed) {

    /**
     * Reads and checks a configuration: the properties, which arrive as text from a file or typed through the API,
     * with the configuration type's defaults for the absent ones.
     *
     * @throws org.finrec.api.config.InvalidConfigurationException naming the PID, the property and the value
     */
    static SequentialSettings read(String pid, SequentialConfiguration defaults, Map<String, ?> properties) {
        ConfigurationReader reader = ConfigurationReader.of(pid, properties);
        int heads = reader.integer("heads", defaults.heads(), 1, 16);
        int width = reader.integer("width", defaults.width(), 8, 1024);
        if (width % heads != 0) {
            throw new org.finrec.api.config.InvalidConfigurationException(reader.pid(), "width", width,
                    "must be a multiple of heads (" + heads + ")");
        }
        return new SequentialSettings(
                reader.integer("max.length", defaults.max_length(), 2, 512),
                width,
                reader.integer("layers", defaults.layers(), 1, 12),
                heads,
                reader.number("dropout", defaults.dropout(), 0, 0.9),
                reader.integer("epochs", defaults.epochs(), 1, 10_000),
                reader.integer("batch.size", defaults.batch_size(), 1, 4096),
                reader.number("learning.rate", defaults.learning_rate(), Double.MIN_NORMAL, 1),
                reader.integer("warmup.steps", defaults.warmup_steps(), 0, 1_000_000),
                reader.integer("patience", defaults.patience(), 1, 1000),
                reader.integer("sampled.negatives", defaults.sampled_negatives(), 0, 1_000_000),
                reader.integer("validation.customers", defaults.validation_customers(), 100, 10_000_000),
                reader.choices("target.kinds", InteractionKind.class, Set.of(defaults.target_kinds())),
                reader.longInteger("seed", defaults.seed(), Long.MIN_VALUE, Long.MAX_VALUE));
    }

    SequenceShape shape(int products) {
        return new SequenceShape(products + 1, maxLength, width, layers, heads, (float) dropout);
    }

    /** Every setting by name, for the model's lineage. */
    Map<String, String> lineage() {
        Map<String, String> parameters = new TreeMap<>();
        parameters.put("maxLength", Integer.toString(maxLength));
        parameters.put("width", Integer.toString(width));
        parameters.put("layers", Integer.toString(layers));
        parameters.put("heads", Integer.toString(heads));
        parameters.put("dropout", Double.toString(dropout));
        parameters.put("epochs", Integer.toString(epochs));
        parameters.put("batchSize", Integer.toString(batchSize));
        parameters.put("learningRate", Double.toString(learningRate));
        parameters.put("warmupSteps", Integer.toString(warmupSteps));
        parameters.put("patience", Integer.toString(patience));
        parameters.put("sampledNegatives", Integer.toString(sampledNegatives));
        parameters.put("validationCustomers", Integer.toString(validationCustomers));
        parameters.put("targetKinds", new TreeSet<>(targetKinds).toString());
        parameters.put("seed", Long.toString(seed));
        return parameters;
    }
}
