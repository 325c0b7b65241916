package org.finrec.recommender.cf.internal;

import java.io.IOException;
import org.finrec.api.model.ModelInput;
import org.finrec.api.model.ModelOutput;

/**
 * Stores an {@link AlsModel}: the matrix, then alpha and lambda (doubles), whether lambda scales per entry, the
 * product factors and their Gram matrix. Customers are folded in at scoring time, so their factors are not stored.
 */
final class AlsCodec extends CfCodec<AlsModel> {

    static final AlsCodec CODEC = new AlsCodec();

    private AlsCodec() {
        super("org.finrec.cf.als", 1, AlsModel.class);
    }

    @Override
    void writeModel(AlsModel model, ModelOutput out) throws IOException {
        out.writeDouble(model.alpha());
        out.writeDouble(model.lambda());
        out.writeBoolean(model.lambdaPerEntry());
        model.items().write(out);
        out.writeDoubles(model.itemGram());
    }

    @Override
    AlsModel readModel(FeedbackMatrix matrix, ModelInput in, String version) throws IOException {
        double alpha = in.readDouble();
        double lambda = in.readDouble();
        boolean perEntry = in.readBoolean();
        DenseFactors items = DenseFactors.read(in, matrix.items());
        double[] gram = in.readDoubles(items.factors() * items.factors());
        return new AlsModel(version, matrix, items, gram, alpha, lambda, perEntry);
    }
}
