package org.finrec.recommender.sequential.internal;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.finrec.api.data.Dataset;
import org.finrec.api.data.ProgressListener;
import org.finrec.api.data.Trainer;
import org.finrec.api.model.ModelVersion;
import org.finrec.inference.TrainingSlot;

/**
 * Trains a {@link SequenceEncoder} on every customer's event sequence: at each position, the next event's product
 * (when its kind is a target kind) by cross-entropy over the full catalogue (or over uniformly sampled negatives),
 * Adam with a linear warm-up, dropout, and early stopping on NDCG@10 of each validation customer's held-out last
 * event (see {@link TrainingSequences}); the parameters of the best epoch are kept. Deterministic on CPU for a fixed
 * seed: the engine's random generator and the order of customers are seeded.
 *
 * <p>One training runs at a time per JVM ({@link TrainingSlot}). It is cancelled by interrupting its thread or by
 * its cancellation check, either of which stops it between steps with a {@link CancellationException}. Progress reports go to the listener per epoch
 * ({@code step} names the epoch, the loss, the validation HR@10 and the estimated time left) and to the epoch
 * reporter.
 */
final class SequentialTrainer implements Trainer<SequentialModel> {

    private static final int CUTOFF = 10;

    private final SequentialSettings settings;
    private final Device device;
    private final String job;
    private final Consumer<String> log;
    private final BooleanSupplier cancelled;
    private final SequentialModel pretrained;

    /**
     * @param settings the hyper-parameters
     * @param device where to train (the inference runtime's device)
     * @param job what trains, for messages and the training slot
     * @param log receives one line per epoch and the wait for the training slot
     * @param cancelled asked before every step: true stops the training (a newer configuration supersedes it)
     */
    SequentialTrainer(SequentialSettings settings, Device device, String job, Consumer<String> log,
            BooleanSupplier cancelled) {
        this(settings, device, job, log, cancelled, null);
    }

    private SequentialTrainer(SequentialSettings settings, Device device, String job, Consumer<String> log,
            BooleanSupplier cancelled, SequentialModel pretrained) {
        this.settings = settings;
        this.device = device;
        this.job = job;
        this.log = log;
        this.cancelled = cancelled;
        this.pretrained = pretrained;
    }

    /**
     * Transfer learning: the same training, started from a pre-trained model's parameters instead of a random
     * initialisation, then fine-tuned on this trainer's dataset. The pre-trained model must have this trainer's
     * shape (width, layers, heads, max.length); its catalogue may differ: a product both know starts from its
     * pre-trained row of the product table, a product only this dataset has starts at random.
     *
     * @param model the model to start from
     * @return a trainer that starts from it
     */
    SequentialTrainer startingFrom(SequentialModel model) {
        return new SequentialTrainer(settings, device, job, log, cancelled, model);
    }

    @Override
    public SequentialModel train(Dataset dataset, ProgressListener progress) {
        if (dataset.productCount() == 0 || dataset.interactionCount() == 0) {
            throw new IllegalArgumentException("dataset " + dataset.name() + " has no events to learn sequences from");
        }
        TrainingSequences sequences = TrainingSequences.of(dataset, settings.targetKinds());
        int[] customers = sequences.trainable();
        if (customers.length == 0) {
            throw new IllegalArgumentException("dataset " + dataset.name() + ": no customer has two events with a"
                    + " target kind (" + settings.targetKinds() + ") after the first");
        }
        String[] productIds = new String[dataset.productCount()];
        for (int p = 0; p < productIds.length; p++) {
            productIds[p] = dataset.product(p).id();
        }
        EventVocabulary vocabulary = new EventVocabulary(productIds);
        try (TrainingSlot slot = TrainingSlot.acquire(job, log)) {
            return trainHoldingSlot(dataset, sequences, customers, vocabulary, progress);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException(job + ": training cancelled while waiting for the training slot");
        }
    }

    private SequentialModel trainHoldingSlot(Dataset dataset, TrainingSequences sequences, int[] customers,
            EventVocabulary vocabulary, ProgressListener progress) {
        long started = System.nanoTime();
        int[] validation = validationSample(sequences.validation());
        SequenceShape shape = settings.shape(vocabulary.size());
        try (NDManager manager = NDManager.newBaseManager(device, "PyTorch")) {
            Engine engine = manager.getEngine();
            engine.setRandomSeed((int) settings.seed());
            SequenceEncoder encoder = new SequenceEncoder(shape);
            Shape input = new Shape(1, shape.maxLength());
            encoder.initialize(manager, DataType.FLOAT32, input, input, input);
            if (pretrained != null) {
                int carried = startFromPretrained(encoder, vocabulary);
                log.accept(String.format("%s: starts from pre-trained model %s (%d of its %d products are in this"
                        + " catalogue of %d)", job, pretrained.version(), carried, pretrained.vocabulary().size(),
                        vocabulary.size()));
            }
            ParameterStore store = new ParameterStore(manager, false);
            Optimizer adam = Optimizer.adam().optLearningRateTracker(Tracker.warmUp()
                    .setMainTracker(Tracker.fixed((float) settings.learningRate()))
                    .optWarmUpSteps(settings.warmupSteps()).optWarmUpBeginValue(0f).build()).build();
            List<Parameter> parameters = encoder.getParameters().stream().map(Pair::getValue).toList();
            Random order = new Random(settings.seed());

            List<SequentialModel.Weights> best = snapshot(encoder);
            double bestNdcg = Double.NEGATIVE_INFINITY;
            double bestHitRate = Double.NaN;
            int bestEpoch = 0;
            double secondsToBest = 0;
            int epoch = 0;
            int sinceBest = 0;
            while (epoch < settings.epochs() && (validation.length == 0 || sinceBest < settings.patience())) {
                epoch++;
                shuffle(customers, order);
                double lossSum = 0;
                int steps = 0;
                for (int from = 0; from < customers.length; from += settings.batchSize()) {
                    if (Thread.interrupted() || cancelled.getAsBoolean()) {
                        throw new CancellationException(job + ": training cancelled in epoch " + epoch);
                    }
                    int to = Math.min(customers.length, from + settings.batchSize());
                    lossSum += step(manager, store, encoder, adam, parameters, sequences, customers, from, to, order);
                    steps++;
                }
                double[] metrics = validation.length == 0 ? new double[] {Double.NaN, Double.NaN}
                        : validate(manager, store, encoder, sequences, validation);
                double elapsed = (System.nanoTime() - started) / 1e9;
                if (validation.length == 0 || metrics[1] > bestNdcg) {
                    bestNdcg = metrics[1];
                    bestHitRate = metrics[0];
                    bestEpoch = epoch;
                    secondsToBest = elapsed;
                    best = snapshot(encoder);
                    sinceBest = 0;
                } else {
                    sinceBest++;
                }
                double left = elapsed / epoch * Math.min(settings.epochs() - epoch,
                        validation.length == 0 ? settings.epochs() - epoch : settings.patience() - sinceBest);
                String line = String.format("%s: epoch %d, loss %.4f, validation HR@10 %.4f NDCG@10 %.4f (best %.4f"
                        + " at epoch %d), %.1f s, at most %.0f s left", job, epoch, lossSum / steps, metrics[0],
                        metrics[1], bestNdcg, bestEpoch, elapsed, left);
                log.accept(line);
                progress.progress(line, epoch, settings.epochs());
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            SequentialModel trained = new SequentialModel("not yet hashed", vocabulary, settings, best,
                    new TrainingReport(epoch, bestEpoch, bestHitRate, bestNdcg, seconds, secondsToBest));
            return trained.withVersion(ModelVersion.of(trained, SequentialCodec.CODEC));
        }
    }

    /** One optimisation step over customers[from, to); returns the batch's mean loss. */
    private double step(NDManager manager, ParameterStore store, SequenceEncoder encoder, Optimizer adam,
            List<Parameter> parameters, TrainingSequences sequences, int[] customers, int from, int to,
            Random order) {
        int batch = to - from;
        int length = sequences.trainingLength(customers, from, to, settings.maxLength());
        long[] items = new long[batch * length];
        long[] kinds = new long[batch * length];
        long[] gaps = new long[batch * length];
        long[] targets = new long[batch * length];
        for (int b = 0; b < batch; b++) {
            sequences.trainingRow(customers[from + b], length, items, kinds, gaps, targets, b);
        }
        int targetCount = 0;
        for (long target : targets) {
            if (target > 0) {
                targetCount++;
            }
        }
        long[] rows = new long[targetCount];
        long[] labels = new long[targetCount];
        for (int i = 0, k = 0; i < targets.length; i++) {
            if (targets[i] > 0) {
                rows[k] = i;
                labels[k++] = targets[i];
            }
        }
        double loss;
        try (NDManager step = manager.newSubManager()) {
            Shape shape = new Shape(batch, length);
            try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
                NDArray hidden = encoder.forward(store, new NDList(step.create(items, shape),
                        step.create(kinds, shape), step.create(gaps, shape)), true).singletonOrThrow();
                NDArray flat = hidden.reshape(batch * (long) length, settings.width());
                NDArray positions = Embedding.embedding(step.create(rows), flat, SparseFormat.DENSE)
                        .singletonOrThrow(); // (targets, width)
                NDArray lossArray = settings.sampledNegatives() == 0
                        ? fullSoftmaxLoss(step, encoder.productTable(), positions, labels)
                        : sampledSoftmaxLoss(step, encoder.productTable(), positions, labels, order);
                collector.backward(lossArray);
                loss = lossArray.getFloat();
            }
            for (Parameter parameter : parameters) {
                NDArray weight = parameter.getArray();
                NDArray gradient = weight.getGradient();
                adam.update(parameter.getId(), weight, gradient);
                gradient.subi(gradient);
            }
        }
        return loss;
    }

    /** Mean cross-entropy of the labels over every product (padding left out). */
    private static NDArray fullSoftmaxLoss(NDManager step, NDArray table, NDArray positions, long[] labels) {
        NDArray logits = positions.matMul(table.transpose()); // (targets, products + 1)
        float[] padding = new float[(int) table.getShape().get(0)];
        padding[0] = -1e9f;
        NDArray logProbabilities = logits.add(step.create(padding)).logSoftmax(1);
        NDArray picked = logProbabilities.get(new NDIndex().addAllDim()
                .addPickDim(step.create(labels, new Shape(labels.length, 1))));
        return picked.neg().mean();
    }

    /** Mean cross-entropy of each label against negatives sampled uniformly for the batch (collisions masked). */
    private NDArray sampledSoftmaxLoss(NDManager step, NDArray table, NDArray positions, long[] labels,
            Random random) {
        int products = (int) table.getShape().get(0) - 1;
        int count = settings.sampledNegatives();
        long[] negatives = new long[count];
        for (int i = 0; i < count; i++) {
            negatives[i] = 1 + random.nextInt(products);
        }
        NDArray positiveRows = Embedding.embedding(step.create(labels), table, SparseFormat.DENSE).singletonOrThrow();
        NDArray negativeRows = Embedding.embedding(step.create(negatives), table, SparseFormat.DENSE)
                .singletonOrThrow();
        NDArray positive = positions.mul(positiveRows).sum(new int[] {1}, true); // (targets, 1)
        NDArray negative = positions.matMul(negativeRows.transpose()); // (targets, count)
        float[] collisions = new float[labels.length * count];
        for (int t = 0; t < labels.length; t++) {
            for (int n = 0; n < count; n++) {
                collisions[t * count + n] = negatives[n] == labels[t] ? -1e9f : 0f;
            }
        }
        NDArray logits = positive.concat(negative.add(step.create(collisions, new Shape(labels.length, count))), 1);
        return logits.logSoftmax(1).get(":, 0").neg().mean();
    }

    /** HR@10 and NDCG@10 of the validation events, every product ranked. */
    private double[] validate(NDManager manager, ParameterStore store, SequenceEncoder encoder,
            TrainingSequences sequences, int[] validation) {
        double hits = 0;
        double gain = 0;
        int length = settings.maxLength();
        int chunk = 256;
        for (int from = 0; from < validation.length; from += chunk) {
            int batch = Math.min(chunk, validation.length - from);
            long[] items = new long[batch * length];
            long[] kinds = new long[batch * length];
            long[] gaps = new long[batch * length];
            int[] targets = new int[batch];
            for (int b = 0; b < batch; b++) {
                targets[b] = sequences.validationRow(validation[from + b], length, items, kinds, gaps, b);
            }
            try (NDManager step = manager.newSubManager()) {
                Shape shape = new Shape(batch, length);
                float[] scores = encoder.nextProductScores(store, new NDList(step.create(items, shape),
                        step.create(kinds, shape), step.create(gaps, shape))).toFloatArray();
                int tokens = scores.length / batch;
                for (int b = 0; b < batch; b++) {
                    int rank = rankOf(scores, b * tokens, tokens, targets[b]);
                    if (rank < CUTOFF) {
                        hits++;
                        gain += 1 / (Math.log(rank + 2) / Math.log(2));
                    }
                }
            }
        }
        return new double[] {hits / validation.length, gain / validation.length};
    }

    /** The 0-based rank of the target among the products (token 0 left out); ties count against the target. */
    private static int rankOf(float[] scores, int offset, int tokens, int target) {
        float score = scores[offset + target];
        int rank = 0;
        for (int t = 1; t < tokens; t++) {
            if (t != target && scores[offset + t] >= score) {
                rank++;
            }
        }
        return rank;
    }

    private int[] validationSample(int[] validation) {
        if (validation.length <= settings.validationCustomers()) {
            return validation;
        }
        int[] sample = validation.clone();
        shuffle(sample, new Random(settings.seed() ^ 0x5DEECE66DL));
        int[] kept = Arrays.copyOf(sample, settings.validationCustomers());
        Arrays.sort(kept);
        return kept;
    }

    private static void shuffle(int[] values, Random random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }

    /** Copies every parameter out of native memory, in the encoder's order. */
    /**
     * Overwrites the freshly initialised parameters with the pre-trained model's: every array whole, except the
     * product table, whose rows are carried over by product id.
     *
     * @return how many products start from a pre-trained row
     * @throws IllegalArgumentException naming the parameter when the pre-trained model has another shape
     */
    private int startFromPretrained(SequenceEncoder encoder, EventVocabulary vocabulary) {
        List<SequentialModel.Weights> weights = pretrained.weights();
        List<Pair<String, Parameter>> parameters = encoder.getParameters().stream().toList();
        if (weights.size() != parameters.size()) {
            throw new IllegalArgumentException("pre-trained model " + pretrained.version() + " has " + weights.size()
                    + " parameter arrays, this configuration's encoder " + parameters.size() + " (layers "
                    + settings.layers() + " against " + pretrained.settings().layers() + ")");
        }
        if (pretrained.settings().heads() != settings.heads()) {
            // the arrays have the same shapes whatever the heads, but they split the width differently
            throw new IllegalArgumentException("pre-trained model " + pretrained.version() + " has "
                    + pretrained.settings().heads() + " heads, this configuration " + settings.heads());
        }
        int carried = 0;
        for (int i = 0; i < weights.size(); i++) {
            SequentialModel.Weights stored = weights.get(i);
            NDArray array = parameters.get(i).getValue().getArray();
            Shape shape = array.getShape();
            if (parameters.get(i).getValue() == encoder.productParameter()) {
                int width = (int) shape.get(1);
                if (stored.shape()[1] != width) {
                    throw new IllegalArgumentException("pre-trained model " + pretrained.version() + " has width "
                            + stored.shape()[1] + ", this configuration " + width);
                }
                float[] rows = array.toFloatArray();
                EventVocabulary source = pretrained.vocabulary();
                for (int token = 1; token <= vocabulary.size(); token++) {
                    int from = source.token(vocabulary.productId(token));
                    if (from > 0) {
                        System.arraycopy(stored.values(), from * width, rows, token * width, width);
                        carried++;
                    }
                }
                array.set(FloatBuffer.wrap(rows));
            } else {
                if (!shape.equals(new Shape(stored.shape()))) {
                    throw new IllegalArgumentException("pre-trained model " + pretrained.version() + ": parameter "
                            + stored.name() + " has shape " + new Shape(stored.shape()) + ", this configuration needs "
                            + shape + " (check width, heads and max.length)");
                }
                array.set(FloatBuffer.wrap(stored.values()));
            }
        }
        return carried;
    }

    private static List<SequentialModel.Weights> snapshot(SequenceEncoder encoder) {
        List<SequentialModel.Weights> weights = new ArrayList<>();
        for (Pair<String, Parameter> parameter : encoder.getParameters()) {
            NDArray array = parameter.getValue().getArray();
            weights.add(new SequentialModel.Weights(parameter.getKey(), array.getShape().getShape(),
                    array.toFloatArray()));
        }
        return weights;
    }
}
