package org.finrec.recommender.cf.internal;

import java.io.IOException;
import org.finrec.api.model.ModelCodec;
import org.finrec.api.model.ModelInput;
import org.finrec.api.model.ModelOutput;

/**
 * What the codecs of the collaborative-filtering models share: every payload starts with the {@link FeedbackMatrix}
 * (the positive kinds, the ids and names, the rows), which each algorithm's codec follows with its own part. Typed
 * to {@link CfModel}, so that the component stores whichever algorithm it serves through {@link Algorithm#codec()};
 * a model of another algorithm is refused. Everything scoring and explaining need is stored, nothing that can be
 * derived; doubles and floats keep their exact bits, so a loaded model scores bit-identically. Stateless and
 * thread-safe.
 *
 * @param <M> the model class this codec stores
 */
abstract class CfCodec<M extends CfModel> implements ModelCodec<CfModel> {

    private final String type;
    private final int formatVersion;
    private final Class<M> modelClass;

    CfCodec(String type, int formatVersion, Class<M> modelClass) {
        this.type = type;
        this.formatVersion = formatVersion;
        this.modelClass = modelClass;
    }

    @Override
    public final String type() {
        return type;
    }

    @Override
    public final int formatVersion() {
        return formatVersion;
    }

    @Override
    public final void write(CfModel model, ModelOutput out) throws IOException {
        if (!modelClass.isInstance(model)) {
            throw new IllegalArgumentException("codec " + type + " stores " + modelClass.getSimpleName()
                    + " models, not " + model.getClass().getSimpleName());
        }
        M typed = modelClass.cast(model);
        typed.matrix().write(out);
        writeModel(typed, out);
    }

    @Override
    public final CfModel read(ModelInput in, String version) throws IOException {
        return readModel(FeedbackMatrix.read(in), in, version);
    }

    /** Writes what follows the matrix. */
    abstract void writeModel(M model, ModelOutput out) throws IOException;

    /** Reads what follows the matrix and builds the model. */
    abstract M readModel(FeedbackMatrix matrix, ModelInput in, String version) throws IOException;
}
