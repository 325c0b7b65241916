package org.finrec.recommender.sequential.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.finrec.api.InteractionKind;
import org.finrec.api.model.ModelCodec;
import org.finrec.api.model.ModelInput;
import org.finrec.api.model.ModelOutput;

/**
 * Stores a {@link SequentialModel}: the vocabulary (product ids in model order), every setting, then each encoder
 * parameter as its name, shape and float values, in the encoder's order. Floats keep their exact bits, so a loaded
 * model scores bit-identically. Stateless.
 */
final class SequentialCodec implements ModelCodec<SequentialModel> {

    static final SequentialCodec CODEC = new SequentialCodec();
    private static final int MAX_DIMENSIONS = 4;

    private SequentialCodec() {
    }

    @Override
    public String type() {
        return "org.finrec.sequential.sasrec";
    }

    @Override
    public int formatVersion() {
        return 1;
    }

    @Override
    public void write(SequentialModel model, ModelOutput out) throws IOException {
        out.writeStrings(model.vocabulary().productIds());
        SequentialSettings s = model.settings();
        out.writeInt(s.maxLength());
        out.writeInt(s.width());
        out.writeInt(s.layers());
        out.writeInt(s.heads());
        out.writeDouble(s.dropout());
        out.writeInt(s.epochs());
        out.writeInt(s.batchSize());
        out.writeDouble(s.learningRate());
        out.writeInt(s.warmupSteps());
        out.writeInt(s.patience());
        out.writeInt(s.sampledNegatives());
        out.writeInt(s.validationCustomers());
        InteractionKind[] kinds = InteractionKind.values();
        out.writeInt(kinds.length);
        for (InteractionKind kind : kinds) {
            out.writeBoolean(s.targetKinds().contains(kind));
        }
        out.writeLong(s.seed());
        out.writeInt(model.weights().size());
        for (SequentialModel.Weights weights : model.weights()) {
            out.writeString(weights.name());
            out.writeInt(weights.shape().length);
            for (long dimension : weights.shape()) {
                out.writeLong(dimension);
            }
            out.writeFloats(weights.values());
        }
    }

    @Override
    public SequentialModel read(ModelInput in, String version) throws IOException {
        EventVocabulary vocabulary;
        try {
            vocabulary = new EventVocabulary(in.readStrings());
        } catch (IllegalArgumentException e) {
            throw in.corrupt(e.getMessage());
        }
        int maxLength = in.readInt();
        int width = in.readInt();
        int layers = in.readInt();
        int heads = in.readInt();
        double dropout = in.readDouble();
        int epochs = in.readInt();
        int batchSize = in.readInt();
        double learningRate = in.readDouble();
        int warmupSteps = in.readInt();
        int patience = in.readInt();
        int sampledNegatives = in.readInt();
        int validationCustomers = in.readInt();
        InteractionKind[] kinds = InteractionKind.values();
        if (in.readInt() != kinds.length) {
            throw in.corrupt("the model was stored with another set of event kinds");
        }
        Set<InteractionKind> targetKinds = EnumSet.noneOf(InteractionKind.class);
        for (InteractionKind kind : kinds) {
            if (in.readBoolean()) {
                targetKinds.add(kind);
            }
        }
        long seed = in.readLong();
        if (maxLength < 2 || width < 1 || layers < 1 || heads < 1 || width % heads != 0) {
            throw in.corrupt("impossible encoder shape: length " + maxLength + ", width " + width + ", " + layers
                    + " layers, " + heads + " heads");
        }
        SequentialSettings settings = new SequentialSettings(maxLength, width, layers, heads, dropout, epochs,
                batchSize, learningRate, warmupSteps, patience, sampledNegatives, validationCustomers,
                Set.copyOf(targetKinds), seed);
        int count = in.readCount(8);
        List<SequentialModel.Weights> weights = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String name = in.readString();
            int dimensions = in.readInt();
            if (dimensions < 1 || dimensions > MAX_DIMENSIONS) {
                throw in.corrupt("parameter " + name + " has " + dimensions + " dimensions");
            }
            long[] shape = new long[dimensions];
            long size = 1;
            for (int d = 0; d < dimensions; d++) {
                shape[d] = in.readLong();
                if (shape[d] < 1 || shape[d] > Integer.MAX_VALUE) {
                    throw in.corrupt("parameter " + name + " has dimension " + shape[d]);
                }
                size = Math.multiplyExact(size, shape[d]);
            }
            if (size > Integer.MAX_VALUE) {
                throw in.corrupt("parameter " + name + " has " + size + " values");
            }
            weights.add(new SequentialModel.Weights(name, shape, in.readFloats((int) size)));
        }
        return new SequentialModel(version, vocabulary, settings, weights, TrainingReport.LOADED);
    }
}
