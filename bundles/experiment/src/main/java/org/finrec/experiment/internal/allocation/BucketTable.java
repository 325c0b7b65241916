package org.finrec.experiment.internal.allocation;

import java.security.MessageDigest;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Which variant each of the {@link Buckets#COUNT} buckets of an experiment goes to: a sticky, minimal-movement
 * allocation. Immutable and thread-safe; a lookup is one hash and one array read.
 *
 * <p>Bucket {@code b} goes to the variant with the highest weighted-rendezvous score {@code weight / -ln(u)}, with
 * {@code u} the variant's uniform number for {@code b} (see {@link Buckets}); a variant of weight 0 never wins, and
 * exact ties (which practically never happen) go to the smaller name. Each variant's score depends only on the salt,
 * the bucket, its own name and its own weight, so that
 * <ul>
 * <li>the assignment of buckets to variant names depends neither on the order of the variants nor on anything but
 * the salt, names and weights, and is the same on every run and machine;</li>
 * <li>the chance that a bucket goes to a variant is {@code weight / sum of weights}, so the realised shares are
 * close to it (a standard deviation of at most 0.5 percentage points with 10,000 buckets);</li>
 * <li>when only one variant's weight changes, buckets move only between that variant and the others, never between
 * two unchanged variants: a variant whose weight rises only gains buckets, one whose weight falls only loses them,
 * and the expected number of moved buckets is exactly the change in its expected share times 10,000;</li>
 * <li>adding a variant only takes buckets from the others (in proportion to their weights, in expectation);
 * removing one (or setting its weight to 0) only hands its buckets to the others; the others' customers stay
 * put.</li>
 * </ul>
 * Changing the salt reshuffles everything.
 */
public final class BucketTable {

    /** At most this many variants, so that a bucket's variant fits an unsigned byte. */
    public static final int MAX_VARIANTS = 256;

    private final String salt;
    private final List<VariantWeight> variants;
    private final byte[] variantOfBucket;
    private final int[] bucketCounts;

    private BucketTable(String salt, List<VariantWeight> variants, byte[] variantOfBucket, int[] bucketCounts) {
        this.salt = salt;
        this.variants = variants;
        this.variantOfBucket = variantOfBucket;
        this.bucketCounts = bucketCounts;
    }

    /**
     * Builds the table of an experiment (about {@code 10,000 × variants} SHA-256 hashes).
     *
     * @param salt the experiment's salt, without U+0000
     * @param variants the variants with their weights, in the order that gives them their indexes; distinct names
     * @return the table
     * @throws IllegalArgumentException if there are no variants, more than {@link #MAX_VARIANTS}, two with the same
     *         name, no positive weight, or the salt contains U+0000
     */
    public static BucketTable of(String salt, List<VariantWeight> variants) {
        Buckets.checkSalt(salt);
        List<VariantWeight> copy = List.copyOf(variants);
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("an experiment needs at least one variant");
        }
        if (copy.size() > MAX_VARIANTS) {
            throw new IllegalArgumentException("at most " + MAX_VARIANTS + " variants, not " + copy.size());
        }
        Set<String> names = new HashSet<>();
        long totalWeight = 0;
        for (VariantWeight v : copy) {
            if (!names.add(v.name())) {
                throw new IllegalArgumentException("two variants are named " + v.name());
            }
            totalWeight += v.weight();
        }
        if (totalWeight == 0) {
            throw new IllegalArgumentException("at least one variant needs a positive weight, but all "
                    + copy.size() + " weights are 0");
        }
        MessageDigest sha256 = Buckets.sha256();
        byte[] table = new byte[Buckets.COUNT];
        int[] counts = new int[copy.size()];
        for (int bucket = 0; bucket < Buckets.COUNT; bucket++) {
            int best = -1;
            double bestScore = 0;
            for (int i = 0; i < copy.size(); i++) {
                VariantWeight v = copy.get(i);
                if (v.weight() == 0) {
                    continue;
                }
                double score = v.weight() / -Math.log(Buckets.uniform(sha256, salt, bucket, v.name()));
                if (best < 0 || score > bestScore
                        || (score == bestScore && v.name().compareTo(copy.get(best).name()) < 0)) {
                    best = i;
                    bestScore = score;
                }
            }
            table[bucket] = (byte) best;
            counts[best]++;
        }
        return new BucketTable(salt, copy, table, counts);
    }

    /**
     * The salt the table was built with.
     *
     * @return the salt
     */
    public String salt() {
        return salt;
    }

    /**
     * The variants the table was built with, in their order.
     *
     * @return the variants, unmodifiable; index {@code i} is variant {@code i}
     */
    public List<VariantWeight> variants() {
        return variants;
    }

    /**
     * The variant of a customer: the variant of {@link Buckets#of(String, String)} under this table's salt.
     *
     * @param customerId the customer's identifier
     * @return the index of the customer's variant in {@link #variants()}
     */
    public int variantOf(String customerId) {
        return variantOfBucket(Buckets.of(salt, customerId));
    }

    /**
     * The variant of a bucket.
     *
     * @param bucket the bucket, in [0, {@link Buckets#COUNT})
     * @return the index of the bucket's variant in {@link #variants()}
     * @throws IndexOutOfBoundsException if there is no such bucket
     */
    public int variantOfBucket(int bucket) {
        Objects.checkIndex(bucket, Buckets.COUNT);
        return Byte.toUnsignedInt(variantOfBucket[bucket]);
    }

    /**
     * How many buckets a variant has.
     *
     * @param variant the variant's index in {@link #variants()}
     * @return its buckets, 0 if its weight is 0
     * @throws IndexOutOfBoundsException if there is no such variant
     */
    public int bucketCount(int variant) {
        return bucketCounts[Objects.checkIndex(variant, bucketCounts.length)];
    }

    /**
     * The realised share of a variant: its buckets divided by {@link Buckets#COUNT}, close to its weight divided
     * by the sum of the weights.
     *
     * @param variant the variant's index in {@link #variants()}
     * @return the share in [0, 1]
     * @throws IndexOutOfBoundsException if there is no such variant
     */
    public double share(int variant) {
        return bucketCount(variant) / (double) Buckets.COUNT;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("BucketTable[salt=").append(salt);
        for (int i = 0; i < variants.size(); i++) {
            s.append(", ").append(variants.get(i).name()).append('=').append(bucketCounts[i]);
        }
        return s.append(']').toString();
    }
}
