package org.finrec.experiment.internal.allocation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * The hashing rules of allocation. <strong>They must never change</strong>: every customer's variant in every
 * running experiment depends on them, and a change would silently move customers between variants.
 *
 * <ul>
 * <li>A customer's bucket is {@code h(salt + "\0" + customerId) mod 10,000}, where {@code h(s)} is the first 8
 * bytes of SHA-256 of the UTF-8 bytes of {@code s}, read big-endian as an <em>unsigned</em> 64-bit integer.</li>
 * <li>The uniform number of a variant for a bucket is {@code u = (floor(x / 2^12) + 0.5) / 2^52} with
 * {@code x = h(salt + "\0" + bucket + "\0" + variantName)}, the bucket written in decimal ASCII without
 * sign or leading zeros: the top 52 bits of {@code x}, centred, so that {@code 2^-53 <= u <= 1 - 2^-53}, strictly
 * inside (0, 1) and exact in a double.</li>
 * </ul>
 *
 * The salt (normally the experiment's identifier) makes different experiments independent; it and the variant
 * names must not contain U+0000, so that the hashed strings are unambiguous.
 */
public final class Buckets {

    /** How many buckets customers are spread over; each bucket is 0.01% of customers. */
    public static final int COUNT = 10_000;

    private Buckets() {
    }

    /**
     * The bucket of a customer.
     *
     * @param salt the experiment's salt, without U+0000
     * @param customerId the customer's identifier
     * @return the bucket, in [0, {@link #COUNT})
     * @throws IllegalArgumentException if the salt contains U+0000
     */
    public static int of(String salt, String customerId) {
        checkSalt(salt);
        Objects.requireNonNull(customerId, "customerId");
        return (int) Long.remainderUnsigned(hash(sha256(), salt + '\u0000' + customerId), COUNT);
    }

    /**
     * The uniform number of a variant for a bucket, for weighted rendezvous hashing.
     *
     * @param sha256 a SHA-256 digest, reset, owned by the calling thread
     * @param salt the experiment's salt, without U+0000
     * @param bucket the bucket
     * @param variantName the variant's name, without U+0000
     * @return {@code u}, strictly between 0 and 1
     */
    static double uniform(MessageDigest sha256, String salt, int bucket, String variantName) {
        long x = hash(sha256, salt + '\u0000' + bucket + '\u0000' + variantName);
        return ((x >>> 12) + 0.5) / 0x1p52;
    }

    /**
     * Checks a salt.
     *
     * @param salt the salt
     * @return the salt
     * @throws IllegalArgumentException if it contains U+0000
     */
    static String checkSalt(String salt) {
        Objects.requireNonNull(salt, "salt");
        if (salt.indexOf('\u0000') >= 0) {
            throw new IllegalArgumentException("the salt must not contain the character U+0000");
        }
        return salt;
    }

    private static long hash(MessageDigest sha256, String s) {
        byte[] digest = sha256.digest(s.getBytes(StandardCharsets.UTF_8));
        long x = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            x = (x << 8) | (digest[i] & 0xFF);
        }
        return x;
    }

    /**
     * A new SHA-256 digest.
     *
     * @return the digest
     */
    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
