package org.finrec.recommender.content.internal;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.finrec.api.model.ModelCodec;
import org.finrec.api.model.ModelInput;
import org.finrec.api.model.ModelOutput;

/**
 * Stores a {@link ProfileMatchModel} (type {@code org.finrec.content.profile-match}, format 1): the profile features
 * (income quartiles, further attributes, their bins), the bias (double), the number of pairs learned from (int)
 * and the learned weights by feature key, in key order, with their exact bits. Stateless and thread-safe.
 */
final class ProfileMatchCodec implements ModelCodec<ProfileMatchModel> {

    static final ProfileMatchCodec CODEC = new ProfileMatchCodec();

    private ProfileMatchCodec() {
    }

    @Override
    public String type() {
        return "org.finrec.content.profile-match";
    }

    @Override
    public int formatVersion() {
        return 1;
    }

    @Override
    public void write(ProfileMatchModel model, ModelOutput out) throws IOException {
        model.features().write(out);
        out.writeDouble(model.bias());
        out.writeInt(model.trainedPairs());
        Map<String, Double> weights = new TreeMap<>(model.weights());
        out.writeInt(weights.size());
        for (Map.Entry<String, Double> weight : weights.entrySet()) {
            out.writeString(weight.getKey());
            out.writeDouble(weight.getValue());
        }
    }

    @Override
    public ProfileMatchModel read(ModelInput in, String version) throws IOException {
        ProfileFeatures features = ProfileFeatures.read(in);
        double bias = in.readDouble();
        int trainedPairs = in.readInt();
        Map<String, Double> weights = new HashMap<>();
        for (int w = in.readCount(Integer.BYTES + Double.BYTES); w > 0; w--) {
            String key = in.readString();
            if (weights.put(key, in.readDouble()) != null) {
                throw in.corrupt("the weight of feature " + key + " is stored twice");
            }
        }
        return new ProfileMatchModel(version, features, bias, Map.copyOf(weights), trainedPairs);
    }
}
