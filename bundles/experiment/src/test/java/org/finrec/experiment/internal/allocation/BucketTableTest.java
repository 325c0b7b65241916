package org.finrec.experiment.internal.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BucketTableTest {

    private static final String SALT = "exp-2024-ranker";

    private static VariantWeight v(String name, int weight) {
        return new VariantWeight(name, weight);
    }

    private static String nameOf(BucketTable table, int bucket) {
        return table.variants().get(table.variantOfBucket(bucket)).name();
    }

    /** {@code moved[i][j]}: buckets that went from variant {@code i} of {@code before} to {@code j} of {@code after}. */
    private static int[][] moves(BucketTable before, BucketTable after) {
        int[][] moved = new int[before.variants().size()][after.variants().size()];
        for (int b = 0; b < Buckets.COUNT; b++) {
            moved[before.variantOfBucket(b)][after.variantOfBucket(b)]++;
        }
        return moved;
    }

    private static int movedBuckets(BucketTable before, BucketTable after) {
        return (int) IntStream.range(0, Buckets.COUNT).filter(b -> !nameOf(before, b).equals(nameOf(after, b))).count();
    }

    // ---- pinned values: if one of these fails, the hashing changed and running experiments would reshuffle ----

    @Test
    void customerBucketsArePinned() {
        assertEquals(760, Buckets.of(SALT, "customer-1"));
        assertEquals(478, Buckets.of(SALT, "customer-42"));
        assertEquals(8798, Buckets.of(SALT, "C000123"));
        assertEquals(944, Buckets.of(SALT, ""));
        assertEquals(4857, Buckets.of(SALT, "ünïcødé"));
        assertEquals(9452, Buckets.of("other", "customer-1"));
        assertEquals(8372, Buckets.of("other", "customer-42"));
    }

    @Test
    void tablesArePinned() {
        BucketTable two = BucketTable.of(SALT, List.of(v("control", 90), v("treatment", 10)));
        assertEquals(9028, two.bucketCount(0));
        assertEquals(972, two.bucketCount(1));
        assertEquals(1, two.variantOfBucket(4));
        assertEquals(0, two.variantOfBucket(9999));

        BucketTable three = BucketTable.of(SALT, List.of(v("control", 50), v("a", 25), v("b", 25)));
        assertEquals(5117, three.bucketCount(0));
        assertEquals(2483, three.bucketCount(1));
        assertEquals(2400, three.bucketCount(2));
        StringBuilder first40 = new StringBuilder();
        for (int b = 0; b < 40; b++) {
            first40.append(three.variantOfBucket(b));
        }
        assertEquals("2001220001100010020021000222011100110200", first40.toString());
        assertEquals("BucketTable[salt=exp-2024-ranker, control=5117, a=2483, b=2400]", three.toString());
    }

    @Test
    void bucketsFollowTheDocumentedRule() throws Exception {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        for (int i = 0; i < 1000; i++) {
            String id = "cust-" + i * 7919;
            byte[] digest = sha256.digest((SALT + "\0" + id).getBytes(StandardCharsets.UTF_8));
            long first8 = 0;
            for (int k = 0; k < 8; k++) {
                first8 = first8 << 8 | (digest[k] & 0xFF);
            }
            assertEquals(Long.remainderUnsigned(first8, 10_000), Buckets.of(SALT, id), id);
        }
    }

    @Test
    void uniformNumbersLieStrictlyInsideZeroAndOne() {
        MessageDigest sha256 = Buckets.sha256();
        for (int b = 0; b < 2000; b++) {
            double u = Buckets.uniform(sha256, SALT, b, "control");
            assertTrue(u > 0 && u < 1 && -Math.log(u) > 0, () -> "u = " + u);
        }
    }

    // ---- determinism and shares ----

    @Test
    void aCustomersVariantIsTheVariantOfTheirBucketAndIsDeterministic() {
        List<VariantWeight> variants = List.of(v("control", 50), v("a", 25), v("b", 25));
        BucketTable one = BucketTable.of(SALT, variants);
        BucketTable again = BucketTable.of(SALT, new ArrayList<>(variants));
        for (int i = 0; i < 500; i++) {
            String id = "customer-" + i;
            assertEquals(one.variantOfBucket(Buckets.of(SALT, id)), one.variantOf(id));
            assertEquals(one.variantOf(id), again.variantOf(id));
        }
        for (int b = 0; b < Buckets.COUNT; b++) {
            assertEquals(one.variantOfBucket(b), again.variantOfBucket(b));
        }
    }

    @Test
    void theOrderOfVariantsChangesIndexesButNotAssignments() {
        BucketTable forward = BucketTable.of(SALT, List.of(v("control", 50), v("a", 25), v("b", 25)));
        BucketTable backward = BucketTable.of(SALT, List.of(v("b", 25), v("a", 25), v("control", 50)));
        assertEquals(0, movedBuckets(forward, backward));
        assertEquals(forward.bucketCount(0), backward.bucketCount(2));
    }

    @Test
    void realisedSharesAreCloseToTheWeights() {
        List<List<VariantWeight>> configurations = List.of(
                List.of(v("control", 90), v("treatment", 10)),
                List.of(v("control", 1), v("treatment", 1)),
                List.of(v("control", 99), v("treatment", 1)),
                List.of(v("control", 50), v("a", 25), v("b", 25)),
                List.of(v("control", 0), v("a", 3), v("b", 0), v("c", 7)),
                List.of(v("v1", 1), v("v2", 1), v("v3", 1), v("v4", 1), v("v5", 1)));
        for (List<VariantWeight> variants : configurations) {
            BucketTable table = BucketTable.of(SALT, variants);
            double total = variants.stream().mapToInt(VariantWeight::weight).sum();
            int buckets = 0;
            for (int i = 0; i < variants.size(); i++) {
                double expected = variants.get(i).weight() / total;
                assertEquals(expected, table.share(i), 0.015, table::toString);
                if (variants.get(i).weight() == 0) {
                    assertEquals(0, table.bucketCount(i), table::toString);
                }
                buckets += table.bucketCount(i);
            }
            assertEquals(Buckets.COUNT, buckets);
        }
    }

    // ---- minimal movement ----

    @Test
    void raisingTheTreatmentFrom10To20PercentMovesOnlyControlToTreatment() {
        BucketTable before = BucketTable.of(SALT, List.of(v("control", 90), v("treatment", 10)));
        BucketTable after = BucketTable.of(SALT, List.of(v("control", 80), v("treatment", 20)));
        int[][] moved = moves(before, after);
        assertEquals(0, moved[1][0], "treatment to control");
        assertEquals(after.bucketCount(1) - before.bucketCount(1), moved[0][1]);
        assertTrue(850 <= moved[0][1] && moved[0][1] <= 1150, "moved " + moved[0][1]);
        // and back: lowering it again moves exactly those buckets back
        int[][] back = moves(after, before);
        assertEquals(0, back[0][1]);
        assertEquals(moved[0][1], back[1][0]);
    }

    @Test
    void theExpectedNumberOfMovedBucketsIsTheChangeInShare() {
        int salts = 10;
        long moved = 0;
        for (int s = 0; s < salts; s++) {
            BucketTable before = BucketTable.of("salt-" + s, List.of(v("control", 90), v("treatment", 10)));
            BucketTable after = BucketTable.of("salt-" + s, List.of(v("control", 80), v("treatment", 20)));
            assertEquals(0, moves(before, after)[1][0]);
            moved += movedBuckets(before, after);
        }
        // expected 1,000 per salt (10% of 10,000), standard deviation of the mean about 10
        double mean = moved / (double) salts;
        assertEquals(1000, mean, 40, "mean moved buckets");
    }

    @Test
    void changingOneOfThreeWeightsMovesBucketsOnlyToOrFromThatVariant() {
        List<VariantWeight> base = List.of(v("control", 50), v("a", 25), v("b", 25));
        BucketTable before = BucketTable.of(SALT, base);

        BucketTable raised = BucketTable.of(SALT, List.of(v("control", 50), v("a", 40), v("b", 25)));
        int[][] up = moves(before, raised);
        assertEquals(0, up[0][2] + up[2][0], "control and b are unchanged: nothing moves between them");
        assertEquals(0, up[1][0] + up[1][2], "a only gains");
        int gained = raised.bucketCount(1) - before.bucketCount(1);
        assertEquals(up[0][1] + up[2][1], gained);
        // expected 10,000 * (40/115 - 25/100) = 978
        assertEquals(978, gained, 150);

        BucketTable lowered = BucketTable.of(SALT, List.of(v("control", 50), v("a", 10), v("b", 25)));
        int[][] down = moves(before, lowered);
        assertEquals(0, down[0][2] + down[2][0], "control and b are unchanged: nothing moves between them");
        assertEquals(0, down[0][1] + down[2][1], "a only loses");
        int lost = before.bucketCount(1) - lowered.bucketCount(1);
        assertEquals(down[1][0] + down[1][2], lost);
        // expected 10,000 * (25/100 - 10/85) = 1,324
        assertEquals(1324, lost, 150);
    }

    @Test
    void addingAVariantOnlyTakesBucketsAndRemovingItOnlyReleasesThem() {
        BucketTable two = BucketTable.of(SALT, List.of(v("control", 50), v("a", 50)));
        BucketTable three = BucketTable.of(SALT, List.of(v("control", 50), v("a", 50), v("new", 25)));
        int[][] added = moves(two, three);
        assertEquals(0, added[0][1] + added[1][0], "control and a keep their other buckets");
        assertEquals(three.bucketCount(2), added[0][2] + added[1][2]);
        assertEquals(0.2, three.share(2), 0.015);

        int[][] removed = moves(three, two);
        assertEquals(0, removed[0][1] + removed[1][0]);
        assertEquals(three.bucketCount(2), removed[2][0] + removed[2][1]);

        // weight 0 is the same as absent
        BucketTable off = BucketTable.of(SALT, List.of(v("control", 50), v("a", 50), v("new", 0)));
        assertEquals(0, movedBuckets(two, off));
        assertEquals(0, off.bucketCount(2));
    }

    @Test
    void anotherSaltReshuffles() {
        List<VariantWeight> variants = List.of(v("control", 50), v("treatment", 50));
        BucketTable one = BucketTable.of(SALT, variants);
        BucketTable other = BucketTable.of(SALT + "-2", variants);
        double same = 1.0 - movedBuckets(one, other) / (double) Buckets.COUNT;
        assertEquals(0.5, same, 0.03, "share of buckets that kept their variant by chance");
        long sameBucket = IntStream.range(0, 1000)
                .filter(i -> Buckets.of(SALT, "c" + i) == Buckets.of(SALT + "-2", "c" + i)).count();
        assertTrue(sameBucket < 5, "customers in the same bucket under both salts: " + sameBucket);
    }

    // ---- validation ----

    @Test
    void invalidConfigurationsAreRejectedWithTheProblemNamed() {
        IllegalArgumentException allZero = assertThrows(IllegalArgumentException.class,
                () -> BucketTable.of(SALT, List.of(v("control", 0), v("treatment", 0))));
        assertTrue(allZero.getMessage().contains("positive weight"), allZero::getMessage);

        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> BucketTable.of(SALT, List.of()));
        assertTrue(empty.getMessage().contains("at least one variant"), empty::getMessage);

        IllegalArgumentException duplicate = assertThrows(IllegalArgumentException.class,
                () -> BucketTable.of(SALT, List.of(v("control", 1), v("control", 2))));
        assertTrue(duplicate.getMessage().contains("control"), duplicate::getMessage);

        List<VariantWeight> tooMany = IntStream.range(0, BucketTable.MAX_VARIANTS + 1)
                .mapToObj(i -> v("v" + i, 1)).toList();
        assertThrows(IllegalArgumentException.class, () -> BucketTable.of(SALT, tooMany));

        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class, () -> v("control", -1));
        assertTrue(negative.getMessage().contains("control"), negative::getMessage);
        assertThrows(IllegalArgumentException.class, () -> v("con\0trol", 1));
        assertThrows(IllegalArgumentException.class,
                () -> BucketTable.of("bad\0salt", List.of(v("control", 1))));
        assertThrows(IllegalArgumentException.class, () -> Buckets.of("bad\0salt", "customer"));
        assertThrows(NullPointerException.class, () -> Buckets.of(SALT, null));
    }

    @Test
    void lookupsOutsideTheTableThrow() {
        BucketTable table = BucketTable.of(SALT, List.of(v("control", 1)));
        assertEquals(1.0, table.share(0));
        assertThrows(IndexOutOfBoundsException.class, () -> table.variantOfBucket(Buckets.COUNT));
        assertThrows(IndexOutOfBoundsException.class, () -> table.variantOfBucket(-1));
        assertThrows(IndexOutOfBoundsException.class, () -> table.share(1));
    }
}
