package org.finrec.recommender.cf.internal;

import java.io.IOException;
import org.finrec.api.ProductCatalog;
import org.finrec.api.spi.CatalogueIndexMap;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.finrec.api.InteractionKind;
import org.finrec.api.data.Dataset;
import org.finrec.api.model.ModelInput;
import org.finrec.api.model.ModelOutput;

/**
 * Binary positive feedback, customers x products: a customer "has" a product if they hold it at the end of the
 * dataset or had an interaction of a positive kind with it. Stored twice, row-wise (CSR, products of a customer)
 * and column-wise (CSC, customers of a product), sorted, as primitive arrays. Immutable and thread-safe; indices
 * are the dataset's customer and product indices.
 */
final class FeedbackMatrix {

    /** CSR: the products of customer u are {@code userItems[userStart[u] .. userStart[u+1])}, ascending. */
    final int[] userStart;
    final int[] userItems;
    /** CSC: the customers of product i are {@code itemUsers[itemStart[i] .. itemStart[i+1])}, ascending. */
    final int[] itemStart;
    final int[] itemUsers;
    private final String[] itemIds;
    private final String[] itemNames;
    private final String[] userIds;
    private final Map<String, Integer> userIndex;
    private final Map<String, Integer> itemIndex;
    private final Set<InteractionKind> positiveKinds;
    /** Each serving catalogue's products as item indices, worked out once per catalogue snapshot. */
    private final CatalogueIndexMap catalogueIndex = new CatalogueIndexMap(this::itemIndex);

    private FeedbackMatrix(Set<InteractionKind> positiveKinds, int[] userStart, int[] userItems, int[] itemStart,
            int[] itemUsers, String[] userIds, String[] itemIds, String[] itemNames) {
        this.positiveKinds = Set.copyOf(positiveKinds);
        this.userStart = userStart;
        this.userItems = userItems;
        this.itemStart = itemStart;
        this.itemUsers = itemUsers;
        this.userIds = userIds;
        this.itemIds = itemIds;
        this.itemNames = itemNames;
        this.userIndex = index(userIds);
        this.itemIndex = index(itemIds);
    }

    private static Map<String, Integer> index(String[] ids) {
        Map<String, Integer> index = new HashMap<>(ids.length * 2);
        for (int i = 0; i < ids.length; i++) {
            index.put(ids[i], i);
        }
        return index;
    }

    /**
     * Builds the matrix.
     *
     * @param data the training data
     * @param positiveKinds interaction kinds that count as positive feedback
     * @return the matrix
     */
    static FeedbackMatrix from(Dataset data, Set<InteractionKind> positiveKinds) {
        int users = data.customerCount();
        int items = data.productCount();
        EnumSet<InteractionKind> positive = positiveKinds.isEmpty() ? EnumSet.noneOf(InteractionKind.class)
                : EnumSet.copyOf(positiveKinds);
        long[] keys = new long[Math.max(16, users)];
        int size = 0;
        for (int u = 0; u < users; u++) {
            for (int i : data.holdings(u)) {
                keys = grow(keys, size);
                keys[size++] = (long) u * items + i;
            }
        }
        for (int k = 0; k < data.interactionCount(); k++) {
            if (positive.contains(data.interactionKind(k))) {
                keys = grow(keys, size);
                keys[size++] = (long) data.interactionCustomer(k) * items + data.interactionProduct(k);
            }
        }
        Arrays.sort(keys, 0, size);
        int distinct = 0;
        for (int k = 0; k < size; k++) {
            if (k == 0 || keys[k] != keys[k - 1]) {
                keys[distinct++] = keys[k];
            }
        }
        int[] userStart = new int[users + 1];
        int[] itemCount = new int[items];
        int[] userItems = new int[distinct];
        for (int k = 0; k < distinct; k++) {
            int u = (int) (keys[k] / items);
            int i = (int) (keys[k] % items);
            userStart[u + 1]++;
            itemCount[i]++;
            userItems[k] = i;
        }
        for (int u = 0; u < users; u++) {
            userStart[u + 1] += userStart[u];
        }
        int[] itemStart = new int[items + 1];
        for (int i = 0; i < items; i++) {
            itemStart[i + 1] = itemStart[i] + itemCount[i];
        }
        int[] fill = Arrays.copyOf(itemStart, items);
        int[] itemUsers = new int[distinct];
        for (int k = 0; k < distinct; k++) {
            int u = (int) (keys[k] / items);
            itemUsers[fill[(int) (keys[k] % items)]++] = u;
        }
        String[] userIds = new String[users];
        for (int u = 0; u < users; u++) {
            userIds[u] = data.customer(u).id();
        }
        String[] itemIds = new String[items];
        String[] itemNames = new String[items];
        for (int i = 0; i < items; i++) {
            itemIds[i] = data.product(i).id();
            itemNames[i] = data.product(i).name();
        }
        return new FeedbackMatrix(positive, userStart, userItems, itemStart, itemUsers, userIds, itemIds, itemNames);
    }

    /**
     * Rebuilds a matrix from its ids and row-wise arrays (as {@link #write} keeps them); the column-wise arrays are
     * derived, exactly as {@link #from} builds them.
     *
     * @param positiveKinds the interaction kinds that counted as positive feedback
     * @param userIds customer ids by index, distinct
     * @param itemIds product ids by index, distinct
     * @param itemNames product names by index, as explanations word them
     * @param userStart row offsets, {@code userIds.length + 1} of them, from 0, non-decreasing
     * @param userItems the rows' product indices, ascending and distinct within each row
     * @return the matrix
     * @throws IllegalArgumentException when the arrays do not describe such a matrix
     */
    static FeedbackMatrix of(Set<InteractionKind> positiveKinds, String[] userIds, String[] itemIds,
            String[] itemNames, int[] userStart, int[] userItems) {
        int users = userIds.length;
        int items = itemIds.length;
        if (itemNames.length != items) {
            throw new IllegalArgumentException(itemNames.length + " product names for " + items + " products");
        }
        if (userStart.length != users + 1 || userStart[0] != 0 || userStart[users] != userItems.length) {
            throw new IllegalArgumentException("row offsets do not match " + users + " customers and "
                    + userItems.length + " entries");
        }
        int[] itemStart = new int[items + 1];
        for (int u = 0; u < users; u++) {
            if (userStart[u + 1] < userStart[u]) {
                throw new IllegalArgumentException("row offsets decrease at customer " + u);
            }
            for (int k = userStart[u]; k < userStart[u + 1]; k++) {
                int i = userItems[k];
                if (i < 0 || i >= items || (k > userStart[u] && i <= userItems[k - 1])) {
                    throw new IllegalArgumentException("row of customer " + u + " is not ascending product"
                            + " indices below " + items);
                }
                itemStart[i + 1]++;
            }
        }
        for (int i = 0; i < items; i++) {
            itemStart[i + 1] += itemStart[i];
        }
        int[] fill = Arrays.copyOf(itemStart, items);
        int[] itemUsers = new int[userItems.length];
        for (int u = 0; u < users; u++) {
            for (int k = userStart[u]; k < userStart[u + 1]; k++) {
                itemUsers[fill[userItems[k]]++] = u;
            }
        }
        FeedbackMatrix matrix = new FeedbackMatrix(positiveKinds, userStart, userItems, itemStart, itemUsers,
                userIds.clone(), itemIds.clone(), itemNames.clone());
        if (matrix.userIndex.size() != users || matrix.itemIndex.size() != items) {
            throw new IllegalArgumentException("customer or product ids are not distinct");
        }
        return matrix;
    }

    /**
     * Writes what {@link #read} rebuilds the matrix from: the positive kinds (by name, sorted), the customer ids,
     * the product ids and names, and the rows (CSR). Every codec of this bundle starts its payload with it.
     */
    void write(ModelOutput out) throws IOException {
        TreeSet<String> kinds = new TreeSet<>();
        positiveKinds.forEach(kind -> kinds.add(kind.name()));
        out.writeStrings(kinds.toArray(String[]::new));
        out.writeStrings(userIds);
        out.writeStrings(itemIds);
        out.writeStrings(itemNames);
        out.writeInts(userStart);
        out.writeInts(userItems);
    }

    /**
     * Reads a matrix {@link #write} wrote.
     *
     * @throws IOException when the payload ends early or names an unknown interaction kind
     * @throws IllegalArgumentException when the arrays do not describe a matrix (see {@link #of})
     */
    static FeedbackMatrix read(ModelInput in) throws IOException {
        EnumSet<InteractionKind> kinds = EnumSet.noneOf(InteractionKind.class);
        for (String kind : in.readStrings()) {
            try {
                kinds.add(InteractionKind.valueOf(kind));
            } catch (IllegalArgumentException e) {
                throw in.corrupt("unknown interaction kind '" + kind + "'");
            }
        }
        String[] userIds = in.readStrings();
        String[] itemIds = in.readStrings();
        String[] itemNames = in.readStrings(itemIds.length);
        int[] userStart = in.readInts(userIds.length + 1);
        int[] userItems = in.readInts(userStart[userIds.length]);
        return of(kinds, userIds, itemIds, itemNames, userStart, userItems);
    }

    /** The interaction kinds that counted as positive feedback (besides holdings). */
    Set<InteractionKind> positiveKinds() {
        return positiveKinds;
    }

    private static long[] grow(long[] keys, int size) {
        return size < keys.length ? keys : Arrays.copyOf(keys, keys.length + (keys.length >> 1) + 16);
    }

    int users() {
        return userStart.length - 1;
    }

    int items() {
        return itemStart.length - 1;
    }

    /** The number of positive entries. */
    int entries() {
        return userItems.length;
    }

    /** The products of a customer, ascending (a copy). */
    int[] itemsOf(int user) {
        return Arrays.copyOfRange(userItems, userStart[user], userStart[user + 1]);
    }

    int itemCountOf(int user) {
        return userStart[user + 1] - userStart[user];
    }

    int userCountOf(int item) {
        return itemStart[item + 1] - itemStart[item];
    }

    /** The index of a customer id, or -1 when the customer was not in the training data. */
    int userIndex(String customerId) {
        return userIndex.getOrDefault(customerId, -1);
    }

    /** The index of a product id, or -1 when the product was not in the training data. */
    /** The item index of every product of a catalogue, -1 for products not in the matrix; shared, never modify. */
    int[] itemIndices(ProductCatalog catalog) {
        return catalogueIndex.modelIndices(catalog);
    }

    int itemIndex(String productId) {
        return itemIndex.getOrDefault(productId, -1);
    }

    String userId(int user) {
        return userIds[user];
    }

    String itemId(int item) {
        return itemIds[item];
    }

    /** The name of a product, as explanations word it (the training dataset's product name). */
    String itemName(int item) {
        return itemNames[item];
    }
}
