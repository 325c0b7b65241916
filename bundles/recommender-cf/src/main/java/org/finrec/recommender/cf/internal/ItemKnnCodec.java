package org.finrec.recommender.cf.internal;

import java.io.IOException;
import org.finrec.api.model.ModelInput;
import org.finrec.api.model.ModelOutput;

/**
 * Stores an {@link ItemKnnModel}: the matrix, then similarity and rule (names), neighbours (int) and the neighbour
 * lists in compressed form (offsets, neighbour ids, similarities).
 */
final class ItemKnnCodec extends CfCodec<ItemKnnModel> {

    static final ItemKnnCodec CODEC = new ItemKnnCodec();

    private ItemKnnCodec() {
        super("org.finrec.cf.item-knn", 1, ItemKnnModel.class);
    }

    @Override
    void writeModel(ItemKnnModel model, ModelOutput out) throws IOException {
        out.writeEnum(model.similarity());
        out.writeEnum(model.rule());
        out.writeInt(model.neighbours());
        out.writeInts(model.neighbourStart());
        out.writeInts(model.neighbourIds());
        out.writeFloats(model.neighbourSims());
    }

    @Override
    ItemKnnModel readModel(FeedbackMatrix matrix, ModelInput in, String version) throws IOException {
        Similarity similarity = in.readEnum(Similarity.class);
        ItemKnnModel.Rule rule = in.readEnum(ItemKnnModel.Rule.class);
        int neighbours = in.readInt();
        int[] start = in.readInts(matrix.items() + 1);
        int[] ids = in.readInts();
        float[] sims = in.readFloats(ids.length);
        return new ItemKnnModel(version, matrix, similarity, neighbours, rule, start, ids, sims);
    }
}
