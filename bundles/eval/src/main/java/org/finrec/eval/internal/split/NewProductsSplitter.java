package org.finrec.eval.internal.split;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.StringJoiner;
import org.finrec.api.data.Dataset;
import org.finrec.eval.EvaluationCase;
import org.finrec.eval.Split;
import org.finrec.eval.Splitter;

/**
 * The new-products protocol (item cold start): some products are shown to the recommender as if they had just
 * been launched, and it must name the customers' ones among them.
 *
 * <ul>
 *   <li>The new products stay in the training view with their indices and attributes, so they can be ranked, but
 *       the view hides every holding of them and every interaction with them, whatever its kind, for every
 *       customer. Every other holding and interaction is unchanged.</li>
 *   <li>Products are named by id; an id the dataset does not know makes {@link #split} throw an
 *       {@link IllegalArgumentException} naming it.</li>
 *   <li>Each customer who held at least one of the new products is one test case, in customer-index order:
 *       relevant = the new products they held, excluded = their remaining holdings (those the view shows),
 *       customer = as the view shows them. There are no validation cases.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public final class NewProductsSplitter implements Splitter {

    private final List<String> productIds;

    /**
     * Creates the splitter.
     *
     * @param productIds the ids of the new products, at least one; repeats count once
     * @throws IllegalArgumentException if there is no product id
     * @throws NullPointerException if the collection or an id is null
     */
    public NewProductsSplitter(Collection<String> productIds) {
        this.productIds = List.copyOf(new LinkedHashSet<>(productIds));
        if (this.productIds.isEmpty()) {
            throw new IllegalArgumentException("productIds must name at least one product");
        }
    }

    @Override
    public Split split(Dataset data) {
        int[] indices = new int[productIds.size()];
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < indices.length; i++) {
            indices[i] = data.productIndex(productIds.get(i));
            if (indices[i] < 0) {
                unknown.add(productIds.get(i));
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("new products unknown to dataset " + data.name() + ": "
                    + String.join(", ", unknown));
        }
        int[] newProducts = SortedIndices.of(indices, indices.length);
        StringJoiner protocol = new StringJoiner(", ", "new products (", ")");
        for (int product : newProducts) {
            protocol.add(data.product(product).id());
        }
        TrainingView train = ColdStart.hiding(data, data.name() + "-train", SortedIndices.EMPTY, newProducts);

        List<EvaluationCase> test = new ArrayList<>();
        for (int c = 0; c < data.customerCount(); c++) {
            int[] shown = train.holdings(c);
            int[] relevant = SortedIndices.minus(data.holdings(c), shown);
            if (relevant.length > 0) {
                test.add(new EvaluationCase(train.customer(c), relevant, shown));
            }
        }
        return new Split(protocol.toString(), train, List.of(), test);
    }

    @Override
    public String toString() {
        return "NewProductsSplitter" + productIds;
    }
}
