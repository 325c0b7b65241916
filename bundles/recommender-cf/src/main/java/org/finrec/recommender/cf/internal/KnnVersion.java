package org.finrec.recommender.cf.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.TreeSet;
import java.util.zip.CRC32;

/**
 * The version of a kNN model: a CRC32 over everything its scores depend on (the feedback matrix with its
 * customer and product ids, and the settings that matter), so that the same data and settings give the same
 * version and anything else almost surely a different one. Buffers the bytes so that hashing a large matrix
 * allocates one small buffer.
 */
final class KnnVersion {

    private final CRC32 crc = new CRC32();
    private final ByteBuffer buffer = ByteBuffer.allocate(1 << 14);

    /** The version of a model trained on {@code matrix} with {@code settings}: {@code prefix-xxxxxxxx}. */
    static String of(String prefix, FeedbackMatrix matrix, CfSettings settings, String... extra) {
        KnnVersion version = new KnnVersion();
        version.add(prefix).add(settings.similarity().name()).add(settings.neighbours());
        version.add(new TreeSet<>(settings.positiveKinds().stream().map(Enum::name).toList()).toString());
        for (String value : extra) {
            version.add(value);
        }
        version.add(matrix.users());
        for (int u = 0; u < matrix.users(); u++) {
            version.add(matrix.userId(u));
        }
        version.add(matrix.items());
        for (int i = 0; i < matrix.items(); i++) {
            version.add(matrix.itemId(i));
        }
        version.add(matrix.userStart).add(matrix.userItems);
        return prefix + "-" + version.hex();
    }

    KnnVersion add(int value) {
        if (buffer.remaining() < Integer.BYTES) {
            flush();
        }
        buffer.putInt(value);
        return this;
    }

    /** Adds the length and the values, so that consecutive arrays cannot run into each other. */
    KnnVersion add(int[] values) {
        add(values.length);
        for (int value : values) {
            add(value);
        }
        return this;
    }

    /** Adds the length and the UTF-8 bytes. */
    KnnVersion add(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        add(bytes.length);
        if (bytes.length > buffer.remaining()) {
            flush();
        }
        if (bytes.length > buffer.remaining()) {
            crc.update(bytes);
        } else {
            buffer.put(bytes);
        }
        return this;
    }

    /** The eight hex digits of the checksum of everything added. */
    String hex() {
        flush();
        return String.format("%08x", crc.getValue());
    }

    private void flush() {
        buffer.flip();
        crc.update(buffer);
        buffer.clear();
    }
}
