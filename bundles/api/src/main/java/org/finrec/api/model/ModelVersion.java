package org.finrec.api.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.finrec.api.data.Model;
import org.finrec.api.model.internal.ContentHash;

/**
 * The one version scheme of every Finrec model: the SHA-256 of the model's encoding, written as 64 lowercase hex
 * digits. The hash runs over the UTF-8 bytes of {@code <type> "/" <format version> "\n"} (for example
 * {@code "org.finrec.cf.als/1\n"}) followed by the payload its {@link ModelCodec} writes, so the same trained model
 * always has the same version, training again on identical data with identical parameters is idempotent, and a
 * version never names two model types. A configuration may name a version by a unique prefix of at least
 * {@value #MIN_PREFIX} digits, as {@link #selects} defines; the {@link ModelStore} refuses an ambiguous one, naming
 * the candidates.
 *
 * <p>Stateless and thread-safe.
 */
public final class ModelVersion {

    /** The number of hex digits of a full version. */
    public static final int LENGTH = 64;
    /** The fewest hex digits a version prefix may have. */
    public static final int MIN_PREFIX = 12;

    private ModelVersion() {
    }

    /**
     * Computes a model's version: the content hash of its encoding by {@code codec}. Encodes the model once, into
     * the hash alone (nothing is buffered).
     *
     * @param <M> the model type
     * @param model the model, not null
     * @param codec its codec, not null
     * @return 64 lowercase hex digits
     * @throws UncheckedIOException if the codec fails to encode the model
     */
    public static <M extends Model> String of(M model, ModelCodec<M> codec) {
        try {
            return ContentHash.of(model, codec);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode model of type " + codec.type(), e);
        }
    }

    /**
     * Tells whether a text is a full version.
     *
     * @param text any text, or null
     * @return true for exactly 64 lowercase hex digits
     */
    public static boolean isVersion(String text) {
        return text != null && text.length() == LENGTH && isHex(text);
    }

    /**
     * Tells whether a text can select a version: a full version or a prefix of at least {@value #MIN_PREFIX}
     * digits.
     *
     * @param text any text, or null
     * @return true for {@value #MIN_PREFIX} to 64 lowercase hex digits
     */
    public static boolean isSelector(String text) {
        return text != null && text.length() >= MIN_PREFIX && text.length() <= LENGTH && isHex(text);
    }

    /**
     * Tells whether a selector (as {@code model.version} gives it) names a version.
     *
     * @param selector a full version or a prefix of one, or any other text
     * @param version a full version
     * @return true when the selector {@link #isSelector is one} and the version starts with it
     */
    public static boolean selects(String selector, String version) {
        return isSelector(selector) && isVersion(version) && version.startsWith(selector);
    }

    private static boolean isHex(String text) {
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }
}
