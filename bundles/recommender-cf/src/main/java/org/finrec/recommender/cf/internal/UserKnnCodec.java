package org.finrec.recommender.cf.internal;

import java.io.IOException;
import org.finrec.api.model.ModelInput;
import org.finrec.api.model.ModelOutput;

/**
 * Stores a {@link UserKnnModel}: the matrix, then similarity (name) and neighbours (int). Profiles and norms are
 * rebuilt from the matrix on loading, exactly as training builds them.
 */
final class UserKnnCodec extends CfCodec<UserKnnModel> {

    static final UserKnnCodec CODEC = new UserKnnCodec();

    private UserKnnCodec() {
        super("org.finrec.cf.user-knn", 1, UserKnnModel.class);
    }

    @Override
    void writeModel(UserKnnModel model, ModelOutput out) throws IOException {
        out.writeEnum(model.similarity());
        out.writeInt(model.neighbours());
    }

    @Override
    UserKnnModel readModel(FeedbackMatrix matrix, ModelInput in, String version) throws IOException {
        Similarity similarity = in.readEnum(Similarity.class);
        return UserKnnModel.of(version, matrix, similarity, in.readInt());
    }
}
