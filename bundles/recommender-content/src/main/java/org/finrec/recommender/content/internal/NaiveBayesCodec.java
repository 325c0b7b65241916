package org.finrec.recommender.content.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.finrec.api.model.ModelCodec;
import org.finrec.api.model.ModelInput;
import org.finrec.api.model.ModelOutput;

/**
 * Stores a {@link NaiveBayesModel} (type {@code org.finrec.content.naive-bayes}, format 1): the features (strings),
 * the attribute bins, the smoothing (double), the customer count, the product ids, the holders and whether each
 * product was bought, then per feature its values in order, each with its per-product holder counts, and again each
 * with its customer count. Every count is kept, so a loaded model scores and explains bit-identically. Stateless and
 * thread-safe.
 */
final class NaiveBayesCodec implements ModelCodec<NaiveBayesModel> {

    static final NaiveBayesCodec CODEC = new NaiveBayesCodec();

    private NaiveBayesCodec() {
    }

    @Override
    public String type() {
        return "org.finrec.content.naive-bayes";
    }

    @Override
    public int formatVersion() {
        return 1;
    }

    @Override
    public void write(NaiveBayesModel model, ModelOutput out) throws IOException {
        out.writeStrings(model.features().toArray(String[]::new));
        model.bins().write(out);
        out.writeDouble(model.smoothing());
        out.writeInt(model.customers());
        out.writeStrings(model.productIds());
        out.writeInts(model.holders());
        boolean[] adopted = model.adopted();
        out.writeInt(adopted.length);
        for (boolean bought : adopted) {
            out.writeBoolean(bought);
        }
        for (int f = 0; f < model.features().size(); f++) {
            Map<String, int[]> holders = new TreeMap<>(model.holdersWithValue().get(f));
            out.writeInt(holders.size());
            for (Map.Entry<String, int[]> value : holders.entrySet()) {
                out.writeString(value.getKey());
                out.writeInts(value.getValue());
            }
            Map<String, Integer> customers = new TreeMap<>(model.customersWithValue().get(f));
            out.writeInt(customers.size());
            for (Map.Entry<String, Integer> value : customers.entrySet()) {
                out.writeString(value.getKey());
                out.writeInt(value.getValue());
            }
        }
    }

    @Override
    public NaiveBayesModel read(ModelInput in, String version) throws IOException {
        List<String> features = List.of(in.readStrings());
        AttributeBins bins = AttributeBins.read(in);
        double smoothing = in.readDouble();
        int customers = in.readInt();
        String[] productIds = in.readStrings();
        int products = productIds.length;
        int[] holders = in.readInts(products);
        if (in.readInt() != products) {
            throw in.corrupt("purchase flags do not match " + products + " products");
        }
        boolean[] adopted = new boolean[products];
        for (int p = 0; p < products; p++) {
            adopted[p] = in.readBoolean();
        }
        List<Map<String, int[]>> holdersWithValue = new ArrayList<>();
        List<Map<String, Integer>> customersWithValue = new ArrayList<>();
        for (int f = 0; f < features.size(); f++) {
            Map<String, int[]> holdersOfFeature = new HashMap<>();
            for (int v = in.readCount(2 * Integer.BYTES); v > 0; v--) {
                holdersOfFeature.put(in.readString(), in.readInts(products));
            }
            Map<String, Integer> customersOfFeature = new HashMap<>();
            for (int v = in.readCount(2 * Integer.BYTES); v > 0; v--) {
                customersOfFeature.put(in.readString(), in.readInt());
            }
            holdersWithValue.add(holdersOfFeature);
            customersWithValue.add(customersOfFeature);
        }
        Map<String, Integer> productIndex = new HashMap<>();
        for (int p = 0; p < products; p++) {
            if (productIndex.put(productIds[p], p) != null) {
                throw in.corrupt("product " + productIds[p] + " stored twice");
            }
        }
        return new NaiveBayesModel(version, features, bins, smoothing, adopted, Map.copyOf(productIndex), customers,
                holders, holdersWithValue, customersWithValue);
    }
}
