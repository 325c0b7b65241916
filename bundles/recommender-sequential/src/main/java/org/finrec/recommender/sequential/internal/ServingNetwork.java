package org.finrec.recommender.sequential.internal;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.lang.ref.Cleaner;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.List;

/**
 * A {@link SequentialModel}'s encoder on a device, parameters frozen (no gradient is ever recorded), ready to score
 * batches of sequences. Its native memory belongs to its own manager, which is closed when the network is no
 * longer reachable (a swapped-out model whose last scorer is gone), by a {@link Cleaner}: a model may be referenced
 * by scorers long after it stopped serving, so nothing closes it eagerly. Scoring is thread-safe; the
 * recommender's batcher calls it from one worker thread. Every sequence is left-padded to the model's full length,
 * whatever else is in its batch, so that a customer's scores do not depend on which other requests shared the pass.
 */
final class ServingNetwork {

    private static final Cleaner CLEANER = Cleaner.create();

    private final NDManager manager;
    private final SequenceEncoder encoder;
    private final ParameterStore store;
    private final int productTokens;
    private final int length;

    private ServingNetwork(NDManager manager, SequenceEncoder encoder, int productTokens, int length) {
        this.manager = manager;
        this.encoder = encoder;
        this.store = new ParameterStore(manager, false);
        this.productTokens = productTokens;
        this.length = length;
    }

    static ServingNetwork build(SequentialModel model, Device device) {
        NDManager manager = NDManager.newBaseManager(device, "PyTorch");
        try {
            SequenceShape shape = model.settings().shape(model.vocabulary().size());
            SequenceEncoder encoder = new SequenceEncoder(shape);
            Shape input = new Shape(1, shape.maxLength());
            encoder.initialize(manager, DataType.FLOAT32, input, input, input);
            encoder.freezeParameters(true);
            List<Pair<String, Parameter>> parameters = encoder.getParameters().stream().toList();
            List<SequentialModel.Weights> weights = model.weights();
            if (parameters.size() != weights.size()) {
                throw new IllegalStateException("model " + model.version() + " has " + weights.size()
                        + " parameter arrays; its encoder needs " + parameters.size());
            }
            for (int i = 0; i < weights.size(); i++) {
                Parameter parameter = parameters.get(i).getValue();
                SequentialModel.Weights stored = weights.get(i);
                if (!parameter.getArray().getShape().equals(new Shape(stored.shape()))) {
                    throw new IllegalStateException("model " + model.version() + ": parameter " + stored.name()
                            + " has shape " + new Shape(stored.shape()) + ", its encoder needs "
                            + parameter.getArray().getShape());
                }
                parameter.getArray().set(FloatBuffer.wrap(stored.values()));
            }
            ServingNetwork network = new ServingNetwork(manager, encoder, shape.productTokens(), shape.maxLength());
            CLEANER.register(network, manager::close);
            return network;
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /**
     * Scores every product as the next event of each sequence.
     *
     * @param sequences the sequences, each at most the model's length and at least one event
     * @return per sequence, a score per product token (index 0, padding, is meaningless)
     */
    float[][] scores(List<EncodedSequence> sequences) {
        int batch = sequences.size();
        long[] items = new long[batch * length];
        long[] kinds = new long[batch * length];
        long[] gaps = new long[batch * length];
        for (int b = 0; b < batch; b++) {
            sequences.get(b).copyLeftPadded(items, kinds, gaps, b * length, length);
        }
        try (NDManager step = manager.newSubManager()) {
            Shape shape = new Shape(batch, length);
            NDArray scores = encoder.nextProductScores(store, new NDList(step.create(items, shape),
                    step.create(kinds, shape), step.create(gaps, shape)));
            float[] flat = scores.toFloatArray();
            float[][] rows = new float[batch][];
            for (int b = 0; b < batch; b++) {
                rows[b] = Arrays.copyOfRange(flat, b * productTokens, (b + 1) * productTokens);
            }
            return rows;
        }
    }
}
