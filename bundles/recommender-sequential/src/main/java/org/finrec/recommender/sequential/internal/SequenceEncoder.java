package org.finrec.recommender.sequential.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.nn.transformer.PointwiseFeedForwardBlock;
import ai.djl.nn.transformer.ScaledDotProductAttentionBlock;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * The causal self-attention encoder over one customer's event sequence (the SASRec class of model, Kang and
 * McAuley 2018), built from DJL's attention, feed-forward and layer-normalisation blocks rather than DJL's
 * {@code TransformerEncoderBlock}, which normalises with batch normalisation and adds a different residual.
 *
 * <p>Input, all {@code (batch, length)} int64, left-padded with 0: product tokens, event-kind tokens and tokens of
 * the time since the previous event. An event is the sum of its product's row of the product table (scaled by
 * {@code sqrt(width)}), its position, its kind and its time gap. Each of the {@code layers} pre-normalised blocks
 * is {@code x + dropout(attention(LN(x), mask))} then {@code x + dropout(ffn(LN(x)))}, with one mask that keeps a
 * key only when it is not padding and not later than the query; a final layer normalisation (over the feature axis
 * only) gives the output {@code (batch, length, width)}. The next product's score at a position is the dot product of
 * that position's output with the product's row of the same product table ({@link #productTable()}).
 */
final class SequenceEncoder extends AbstractBlock {

    private final SequenceShape shape;
    private final Parameter products;
    private final Parameter positions;
    private final Parameter kinds;
    private final Parameter gaps;
    private final List<Layer> layers = new ArrayList<>();
    private final LayerNorm outputNorm;

    /** One block: attention then feed-forward, each pre-normalised and added to its input. */
    private record Layer(LayerNorm attentionNorm, ScaledDotProductAttentionBlock attention, LayerNorm ffnNorm,
            PointwiseFeedForwardBlock ffn) {
    }

    SequenceEncoder(SequenceShape shape) {
        this.shape = shape;
        int width = shape.width();
        NormalInitializer init = new NormalInitializer(0.02f);
        products = addParameter(Parameter.builder().setName("products").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(shape.productTokens(), width)).optInitializer(init).build());
        positions = addParameter(Parameter.builder().setName("positions").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(shape.maxLength(), width)).optInitializer(init).build());
        kinds = addParameter(Parameter.builder().setName("kinds").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(EventVocabulary.KIND_TOKENS, width)).optInitializer(init).build());
        gaps = addParameter(Parameter.builder().setName("gaps").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(EventVocabulary.GAP_TOKENS, width)).optInitializer(init).build());
        for (int l = 0; l < shape.layers(); l++) {
            layers.add(new Layer(
                    addChildBlock("attentionNorm" + l, LayerNorm.builder().axis(2).build()),
                    addChildBlock("attention" + l, ScaledDotProductAttentionBlock.builder()
                            .setEmbeddingSize(width).setHeadCount(shape.heads())
                            .optAttentionProbsDropoutProb(shape.dropout()).build()),
                    addChildBlock("ffnNorm" + l, LayerNorm.builder().axis(2).build()),
                    addChildBlock("ffn" + l, new PointwiseFeedForwardBlock(List.of(width), width,
                            Activation::gelu))));
        }
        outputNorm = addChildBlock("outputNorm", LayerNorm.builder().axis(2).build());
    }

    /** The product table's parameter, whose rows transfer learning carries over by product id. */
    Parameter productParameter() {
        return products;
    }

    /** The product table, {@code (products + 1, width)}; row 0 is padding. */
    NDArray productTable() {
        return products.getArray();
    }

    /**
     * Scores every product as the next event of each sequence, from its last position; not in training.
     *
     * @param inputs product, kind and gap tokens, each {@code (batch, length)}, left padded
     * @return {@code (batch, products + 1)}; column 0 (padding) is meaningless
     */
    NDArray nextProductScores(ParameterStore store, NDList inputs) {
        NDArray hidden = forward(store, inputs, false).singletonOrThrow();
        long length = hidden.getShape().get(1);
        NDArray last = hidden.get(":, " + (length - 1) + ", :"); // (B, width)
        return last.matMul(store.getValue(products, last.getDevice(), false).transpose());
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray items = inputs.get(0);
        NDArray kindTokens = inputs.get(1);
        NDArray gapTokens = inputs.get(2);
        NDManager manager = items.getManager();
        long batch = items.getShape().get(0);
        long length = items.getShape().get(1);
        float dropout = shape.dropout();

        NDArray productRows = lookup(items, store.getValue(products, items.getDevice(), training))
                .mul((float) Math.sqrt(shape.width()));
        // the last `length` learned positions, so that the most recent event always has the last position
        NDArray positionRows = store.getValue(positions, items.getDevice(), training)
                .get((shape.maxLength() - length) + ":");
        NDArray x = productRows.add(positionRows.expandDims(0))
                .add(lookup(kindTokens, store.getValue(kinds, items.getDevice(), training)))
                .add(lookup(gapTokens, store.getValue(gaps, items.getDevice(), training)));
        NDArray present = items.gt(0).toType(DataType.FLOAT32, false).expandDims(2); // (B, L, 1)
        x = Dropout.dropout(x, dropout, training).singletonOrThrow().mul(present);

        NDArray mask = mask(manager, items, batch, length);
        for (Layer layer : layers) {
            NDArray normed = layer.attentionNorm().forward(store, new NDList(x), training).singletonOrThrow();
            NDArray attended = layer.attention().forward(store, new NDList(normed, normed, normed, mask), training)
                    .singletonOrThrow();
            x = x.add(Dropout.dropout(attended, dropout, training).singletonOrThrow());
            NDArray normed2 = layer.ffnNorm().forward(store, new NDList(x), training).singletonOrThrow();
            NDArray fed = layer.ffn().forward(store, new NDList(normed2), training).singletonOrThrow();
            x = x.add(Dropout.dropout(fed, dropout, training).singletonOrThrow()).mul(present);
        }
        return new NDList(outputNorm.forward(store, new NDList(x), training).singletonOrThrow());
    }

    /** 1 where query position t may attend to key position f: f is an event and f <= t; (B, L, L). */
    private static NDArray mask(NDManager manager, NDArray items, long batch, long length) {
        NDArray index = manager.arange(length);
        NDArray causal = index.reshape(1, length).lte(index.reshape(length, 1)); // [t][f] = f <= t
        NDArray keys = items.gt(0).reshape(batch, 1, length);
        return causal.expandDims(0).logicalAnd(keys).toType(DataType.INT32, false);
    }

    private static NDArray lookup(NDArray tokens, NDArray table) {
        return Embedding.embedding(tokens, table, SparseFormat.DENSE).singletonOrThrow();
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), inputShapes[0].get(1), shape.width())};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape events = new Shape(inputShapes[0].get(0), inputShapes[0].get(1), shape.width());
        for (Layer layer : layers) {
            layer.attentionNorm().initialize(manager, dataType, events);
            layer.attention().initialize(manager, dataType, events, events, events);
            layer.ffnNorm().initialize(manager, dataType, events);
            layer.ffn().initialize(manager, dataType, events);
        }
        outputNorm.initialize(manager, dataType, events);
    }
}
