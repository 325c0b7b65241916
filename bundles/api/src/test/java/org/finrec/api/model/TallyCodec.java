package org.finrec.api.model;

import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;
import org.finrec.api.data.Model;

/** A small model and its codec for the store's tests: a label, counts and weights. */
class TallyCodec implements ModelCodec<TallyCodec.Tally> {

    static final TallyCodec CODEC = new TallyCodec("org.finrec.test.tally", 1);

    /** The model; its version is its content hash unless a test says otherwise. */
    static final class Tally implements Model {
        final String label;
        final int[] counts;
        final double[] weights;
        private final String version;

        Tally(String label, int[] counts, double[] weights, String version) {
            this.label = label;
            this.counts = counts;
            this.weights = weights;
            this.version = version;
        }

        Tally(String label, int[] counts, double[] weights) {
            this.label = label;
            this.counts = counts;
            this.weights = weights;
            this.version = ModelVersion.of(this, CODEC);
        }

        @Override
        public String version() {
            return version;
        }

        boolean sameContent(Tally other) {
            return label.equals(other.label) && Arrays.equals(counts, other.counts)
                    && Arrays.equals(weights, other.weights);
        }
    }

    private final String type;
    private final int format;

    TallyCodec(String type, int format) {
        this.type = type;
        this.format = format;
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public int formatVersion() {
        return format;
    }

    @Override
    public void write(Tally model, ModelOutput out) throws IOException {
        out.writeString(model.label);
        out.writeInts(model.counts);
        out.writeDoubles(model.weights);
    }

    @Override
    public Tally read(ModelInput in, String version) throws IOException {
        String label = in.readString();
        int[] counts = in.readInts();
        double[] weights = in.readDoubles(counts.length);
        return new Tally(label, counts, weights, Objects.requireNonNull(version));
    }
}
