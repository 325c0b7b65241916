package org.finrec.api.model.internal;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.finrec.api.Customer;
import org.finrec.api.Product;
import org.finrec.api.data.Dataset;
import org.finrec.api.model.DatasetFingerprint;

/**
 * Computes a {@link DatasetFingerprint}: one pass over the dataset, every value put into one 16 KiB buffer that is
 * hashed whenever it fills. Strings go in as their length and UTF-16 code units, which needs no encoding buffer.
 */
public final class DatasetDigest {

    private static final int BUFFER = 1 << 14;
    /** Tags between the sections, so that a customer can never read as a product. */
    private static final int CUSTOMERS = 0x43555354;
    private static final int PRODUCTS = 0x50524f44;
    private static final int INTERACTIONS = 0x494e5452;

    private final MessageDigest digest = ContentHash.sha256();
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
    private String[] names = new String[16];

    private DatasetDigest() {
    }

    /**
     * Computes a dataset's fingerprint.
     *
     * @param dataset the dataset
     * @return 64 lowercase hex digits
     */
    public static String of(Dataset dataset) {
        DatasetDigest digest = new DatasetDigest();
        digest.customers(dataset);
        digest.products(dataset);
        digest.interactions(dataset);
        digest.flush();
        return ContentHash.hex(digest.digest);
    }

    private void customers(Dataset dataset) {
        int count = dataset.customerCount();
        putInt(CUSTOMERS).putInt(count);
        for (int c = 0; c < count; c++) {
            Customer customer = dataset.customer(c);
            putString(customer.id());
            putInt(customer.age());
            putDouble(customer.annualIncome());
            putString(customer.segment());
            putInt(customer.riskTolerance());
            putInt(customer.tenureMonths());
            putString(customer.preferredChannel());
            attributes(customer.attributes());
            int[] holdings = dataset.holdings(c);
            putInt(holdings.length);
            for (int p : holdings) {
                putInt(p);
            }
        }
    }

    private void attributes(Map<String, String> attributes) {
        int size = attributes.size();
        if (names.length < size) {
            names = new String[Math.max(size, names.length * 2)];
        }
        attributes.keySet().toArray(names);
        Arrays.sort(names, 0, size);
        putInt(size);
        for (int k = 0; k < size; k++) {
            putString(names[k]);
            putString(attributes.get(names[k]));
            names[k] = null;
        }
    }

    private void products(Dataset dataset) {
        int count = dataset.productCount();
        putInt(PRODUCTS).putInt(count);
        for (int p = 0; p < count; p++) {
            Product product = dataset.product(p);
            putString(product.id());
            putString(product.name());
            putString(product.category().name());
            putInt(product.riskClass().orElse(0)); // 0 is never a risk class: missing, same bytes as before
            putInt(product.termMonths());
            putDouble(product.annualRatePercent());
            putString(product.complexity().name());
            putInt(product.eligibleAges().minAge()).putInt(product.eligibleAges().maxAge());
            putString(product.description());
        }
    }

    private void interactions(Dataset dataset) {
        int count = dataset.interactionCount();
        putInt(INTERACTIONS).putInt(count);
        for (int i = 0; i < count; i++) {
            putInt(dataset.interactionCustomer(i)).putInt(dataset.interactionProduct(i));
            putString(dataset.interactionKind(i).name());
            room(Long.BYTES * 2).putLong(dataset.interactionEpochMillis(i))
                    .putLong(Double.doubleToLongBits(dataset.interactionWeight(i)));
        }
    }

    private ByteBuffer room(int bytes) {
        if (buffer.remaining() < bytes) {
            flush();
        }
        return buffer;
    }

    private void flush() {
        digest.update(buffer.array(), 0, buffer.position());
        buffer.clear();
    }

    private DatasetDigest putInt(int value) {
        room(Integer.BYTES).putInt(value);
        return this;
    }

    /** Presence (a byte), then the value when present. */
    private void putInt(OptionalInt value) {
        room(1 + Integer.BYTES).put(value.isPresent() ? (byte) 1 : 0);
        if (value.isPresent()) {
            buffer.putInt(value.getAsInt());
        }
    }

    private void putDouble(OptionalDouble value) {
        room(1 + Long.BYTES).put(value.isPresent() ? (byte) 1 : 0);
        if (value.isPresent()) {
            buffer.putLong(Double.doubleToLongBits(value.getAsDouble()));
        }
    }

    private void putString(Optional<String> value) {
        room(1).put(value.isPresent() ? (byte) 1 : 0);
        value.ifPresent(this::putString);
    }

    private void putString(String value) {
        putInt(value.length());
        for (int k = 0; k < value.length(); k++) {
            room(Character.BYTES).putChar(value.charAt(k));
        }
    }
}
