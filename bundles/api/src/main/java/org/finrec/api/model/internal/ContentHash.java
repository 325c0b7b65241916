package org.finrec.api.model.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.finrec.api.data.Model;
import org.finrec.api.model.ModelCodec;
import org.finrec.api.model.ModelVersion;

/** The SHA-256 content hash that is a model's version (see {@link ModelVersion} for what it covers). */
public final class ContentHash {

    private ContentHash() {
    }

    /** A SHA-256 digest (every Java platform has one). */
    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java platform lacks SHA-256", e);
        }
    }

    /** A digest that has taken the type line {@code <type>/<format version>\n} and awaits the payload. */
    static MessageDigest start(String type, int formatVersion) {
        MessageDigest digest = sha256();
        digest.update((type + "/" + formatVersion + "\n").getBytes(StandardCharsets.UTF_8));
        return digest;
    }

    /** The lowercase hex digits of a digest. */
    static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * Encodes a model into the hash alone.
     *
     * @param <M> the model type
     * @param model the model
     * @param codec its codec
     * @return the model's version
     * @throws IOException if the codec fails
     */
    public static <M extends Model> String of(M model, ModelCodec<M> codec) throws IOException {
        MessageDigest digest = start(codec.type(), codec.formatVersion());
        PayloadOutput out = new PayloadOutput(new DigestOutputStream(OutputStream.nullOutputStream(), digest));
        codec.write(model, out);
        out.drain();
        return hex(digest);
    }
}
