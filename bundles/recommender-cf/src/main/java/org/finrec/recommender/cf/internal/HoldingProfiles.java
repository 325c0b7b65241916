package org.finrec.recommender.cf.internal;

import java.util.Arrays;

/**
 * The distinct rows of a feedback matrix ("holding profiles") and the customers who share each. A bank has few
 * products, so a million customers have only some thousands of distinct sets of products, and every customer of
 * a profile has the same similarity to anyone; user kNN counts overlaps per profile instead of per customer. On
 * data where every row differs (MovieLens) there is one profile per customer and nothing is lost.
 *
 * <p>Profiles are numbered in the order of their first customer; each one's customers are ascending. Immutable.
 */
final class HoldingProfiles {

    /** Per customer: their profile. */
    final int[] profileOf;
    /** The customers of profile p are {@code members[memberStart[p] .. memberStart[p+1])}, ascending. */
    final int[] memberStart;
    final int[] members;
    /** Per profile: its number of products. */
    final int[] size;
    /** Per profile: its first customer, whose matrix row is the profile's products. */
    final int[] representative;
    /** Column index over profiles: the profiles holding product i are {@code itemProfiles[itemStart[i] .. )}. */
    final int[] itemStart;
    final int[] itemProfiles;

    private HoldingProfiles(int[] profileOf, int[] memberStart, int[] members, int[] size, int[] representative,
            int[] itemStart, int[] itemProfiles) {
        this.profileOf = profileOf;
        this.memberStart = memberStart;
        this.members = members;
        this.size = size;
        this.representative = representative;
        this.itemStart = itemStart;
        this.itemProfiles = itemProfiles;
    }

    int count() {
        return size.length;
    }

    /** Groups the matrix's rows with an open-addressing hash table over the rows (no boxing). */
    static HoldingProfiles of(FeedbackMatrix matrix) {
        int users = matrix.users();
        int[] userStart = matrix.userStart;
        int[] userItems = matrix.userItems;
        int capacity = Integer.highestOneBit(Math.max(4, users) * 2 - 1) << 1;
        int[] table = new int[capacity];
        Arrays.fill(table, -1);
        int[] profileOf = new int[users];
        int[] representative = new int[Math.max(1, users)];
        int count = 0;
        for (int u = 0; u < users; u++) {
            int hash = 1;
            for (int k = userStart[u]; k < userStart[u + 1]; k++) {
                hash = 31 * hash + userItems[k];
            }
            hash ^= hash >>> 16;
            int slot = hash & (capacity - 1);
            while (true) {
                int p = table[slot];
                if (p < 0) {
                    table[slot] = count;
                    representative[count] = u;
                    profileOf[u] = count++;
                    break;
                }
                if (sameRow(userStart, userItems, representative[p], u)) {
                    profileOf[u] = p;
                    break;
                }
                slot = (slot + 1) & (capacity - 1);
            }
        }
        representative = Arrays.copyOf(representative, count);
        int[] memberStart = new int[count + 1];
        for (int u = 0; u < users; u++) {
            memberStart[profileOf[u] + 1]++;
        }
        for (int p = 0; p < count; p++) {
            memberStart[p + 1] += memberStart[p];
        }
        int[] fill = Arrays.copyOf(memberStart, count);
        int[] members = new int[users];
        for (int u = 0; u < users; u++) {
            members[fill[profileOf[u]]++] = u;
        }
        int[] size = new int[count];
        int items = matrix.items();
        int[] itemStart = new int[items + 1];
        for (int p = 0; p < count; p++) {
            int u = representative[p];
            size[p] = userStart[u + 1] - userStart[u];
            for (int k = userStart[u]; k < userStart[u + 1]; k++) {
                itemStart[userItems[k] + 1]++;
            }
        }
        for (int i = 0; i < items; i++) {
            itemStart[i + 1] += itemStart[i];
        }
        int[] itemFill = Arrays.copyOf(itemStart, items);
        int[] itemProfiles = new int[itemStart[items]];
        for (int p = 0; p < count; p++) {
            int u = representative[p];
            for (int k = userStart[u]; k < userStart[u + 1]; k++) {
                itemProfiles[itemFill[userItems[k]]++] = p;
            }
        }
        return new HoldingProfiles(profileOf, memberStart, members, size, representative, itemStart, itemProfiles);
    }

    private static boolean sameRow(int[] userStart, int[] userItems, int u, int v) {
        int length = userStart[u + 1] - userStart[u];
        if (userStart[v + 1] - userStart[v] != length) {
            return false;
        }
        return Arrays.equals(userItems, userStart[u], userStart[u + 1], userItems, userStart[v],
                userStart[v + 1]);
    }

    /**
     * The profiles with at least one product, by number of products, then number (a counting sort): the order in
     * which Euclidean similarity to a customer who shares nothing with them falls.
     */
    int[] bySize() {
        int max = 0;
        for (int b : size) {
            max = Math.max(max, b);
        }
        int[] start = new int[max + 2];
        for (int b : size) {
            start[b + 1]++;
        }
        for (int b = 0; b <= max; b++) {
            start[b + 1] += start[b];
        }
        int empty = start[1];
        int[] sorted = new int[size.length - empty];
        for (int p = 0; p < size.length; p++) {
            if (size[p] > 0) {
                sorted[start[size[p]]++ - empty] = p;
            }
        }
        return sorted;
    }
}
