package org.finrec.recommender.sequential.internal;

/**
 * The shape of a {@link SequenceEncoder}: what its parameters' sizes follow from.
 *
 * @param productTokens products known to the model plus one (token 0 is padding)
 * @param maxLength the most recent events a sequence keeps
 * @param width the width of every event representation
 * @param layers the number of attention blocks
 * @param heads attention heads per block; divides {@code width}
 * @param dropout the dropout rate in training, in [0, 1)
 */
record SequenceShape(int productTokens, int maxLength, int width, int layers, int heads, float dropout) {
}
