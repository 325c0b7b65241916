package org.finrec.recommender.cf.internal;

import java.io.IOException;
import org.finrec.api.model.ModelInput;
import org.finrec.api.model.ModelOutput;

/**
 * Stores a {@link BprModel}: the matrix, then fold-in (name), regularisation (double) and seed (long), the customer
 * factors, the product factors and the product biases.
 */
final class BprCodec extends CfCodec<BprModel> {

    static final BprCodec CODEC = new BprCodec();

    private BprCodec() {
        super("org.finrec.cf.bpr", 1, BprModel.class);
    }

    @Override
    void writeModel(BprModel model, ModelOutput out) throws IOException {
        out.writeEnum(model.foldIn());
        out.writeDouble(model.regularization());
        out.writeLong(model.seed());
        model.users().write(out);
        model.items().write(out);
        out.writeFloats(model.biases());
    }

    @Override
    BprModel readModel(FeedbackMatrix matrix, ModelInput in, String version) throws IOException {
        BprModel.FoldIn foldIn = in.readEnum(BprModel.FoldIn.class);
        double regularization = in.readDouble();
        long seed = in.readLong();
        DenseFactors users = DenseFactors.read(in, matrix.users());
        DenseFactors items = DenseFactors.read(in, matrix.items());
        float[] biases = in.readFloats(matrix.items());
        return new BprModel(version, matrix, users, items, biases, foldIn, regularization, seed);
    }
}
