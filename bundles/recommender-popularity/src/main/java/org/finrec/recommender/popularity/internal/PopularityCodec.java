package org.finrec.recommender.popularity.internal;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.finrec.api.model.ModelCodec;
import org.finrec.api.model.ModelInput;
import org.finrec.api.model.ModelOutput;

/**
 * Stores a {@link PopularityModel} (type {@code org.finrec.popularity}, format 1): the segment attribute (string),
 * the smoothing weight (double), the customer count (int), the product ids (strings) and their adopter counts
 * (ints), then the segments in name order, each its name, its customer count and its adopter counts. The overall
 * rates and the product index are rebuilt from them, exactly as training builds them, so a loaded model scores
 * bit-identically. Stateless and thread-safe.
 */
final class PopularityCodec implements ModelCodec<PopularityModel> {

    static final PopularityCodec CODEC = new PopularityCodec();

    private PopularityCodec() {
    }

    @Override
    public String type() {
        return "org.finrec.popularity";
    }

    @Override
    public int formatVersion() {
        return 1;
    }

    @Override
    public void write(PopularityModel model, ModelOutput out) throws IOException {
        out.writeString(model.segmentAttribute());
        out.writeDouble(model.smoothing());
        out.writeInt(model.customerCount());
        out.writeStrings(model.productIds());
        out.writeInts(model.adopters());
        Map<String, PopularityModel.SegmentCounts> segments = new TreeMap<>(model.segments());
        out.writeInt(segments.size());
        for (Map.Entry<String, PopularityModel.SegmentCounts> segment : segments.entrySet()) {
            out.writeString(segment.getKey());
            out.writeInt(segment.getValue().customers());
            out.writeInts(segment.getValue().adopters());
        }
    }

    @Override
    public PopularityModel read(ModelInput in, String version) throws IOException {
        String segmentAttribute = in.readString();
        double smoothing = in.readDouble();
        int customers = in.readInt();
        String[] productIds = in.readStrings();
        int[] adopters = in.readInts(productIds.length);
        int count = in.readCount(2 * Integer.BYTES);
        Map<String, PopularityModel.SegmentCounts> segments = new HashMap<>();
        for (int s = 0; s < count; s++) {
            String name = in.readString();
            int segmentCustomers = in.readInt();
            if (segments.put(name, new PopularityModel.SegmentCounts(segmentCustomers,
                    in.readInts(productIds.length))) != null) {
                throw in.corrupt("segment '" + name + "' stored twice");
            }
        }
        if (customers < 0 || !(smoothing >= 0)) {
            throw in.corrupt(customers + " customers with smoothing " + smoothing);
        }
        return new PopularityModel(version, segmentAttribute, smoothing, customers, productIds, adopters, segments);
    }
}
