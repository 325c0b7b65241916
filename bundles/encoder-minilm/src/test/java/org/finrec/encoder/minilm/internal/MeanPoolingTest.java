package org.finrec.encoder.minilm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class MeanPoolingTest {

    private static final int DIMENSION = 384;

    @Test
    void averagesOnlyRealTokensAndScalesToUnitLength() {
        int length = 3;
        float[] hidden = new float[2 * length * DIMENSION];
        // text 0: tokens (1, 0, ...) and (3, 0, ...), then padding full of 100s that must be ignored
        hidden[0] = 1;
        hidden[DIMENSION] = 3;
        for (int d = 0; d < DIMENSION; d++) {
            hidden[2 * DIMENSION + d] = 100;
        }
        // text 1: three tokens (0, 2, ...), (0, 4, ...), (0, 6, ...)
        for (int t = 0; t < length; t++) {
            hidden[(length + t) * DIMENSION + 1] = 2 * (t + 1);
        }
        long[][] masks = {{1, 1, 0}, {1, 1, 1}};

        List<float[]> vectors = MiniLmTextEncoder.meanPooled(hidden, masks, length);

        assertEquals(1.0f, vectors.get(0)[0], 1e-6f, "mean (2, 0, ...) scaled to unit length");
        assertEquals(0.0f, vectors.get(0)[1], 1e-6f, "padding is ignored");
        assertEquals(1.0f, vectors.get(1)[1], 1e-6f);
        for (float[] vector : vectors) {
            double norm = 0;
            for (float value : vector) {
                norm += value * value;
            }
            assertEquals(1.0, norm, 1e-6);
        }
    }
}
