package org.finrec.eval.internal.split;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.finrec.api.Customer;
import org.finrec.api.Interaction;
import org.finrec.api.InteractionKind;
import org.finrec.api.Product;
import org.finrec.api.data.CustomerHistoriesContractTest;
import org.finrec.api.data.Dataset;

/**
 * A training view's customer histories meet the contract and hold only the interactions the view keeps: the
 * underlying dataset has one more event per customer (weight 0.5, in the middle of everyone's history), which the
 * view hides.
 */
class TrainingViewCustomerHistoriesTest extends CustomerHistoriesContractTest {

    private static final double HIDDEN_WEIGHT = 0.5;

    @Override
    protected Dataset dataset(String name, List<Customer> customers, List<Product> products,
            List<Interaction> interactions) {
        List<Interaction> withHidden = new ArrayList<>(interactions);
        if (!products.isEmpty()) {
            for (Customer customer : customers) {
                withHidden.add(new Interaction(customer.id(), products.get(0).id(), InteractionKind.CLICK,
                        Instant.ofEpochMilli(150), Optional.empty(), HIDDEN_WEIGHT));
            }
        }
        Dataset underlying = Dataset.of(name + "-all", customers, products, withHidden);
        int[] kept = TrainingView.interactionsWhere(underlying,
                i -> underlying.interactionWeight(i) != HIDDEN_WEIGHT);
        return TrainingView.keeping(underlying, name, new int[customers.size()][], kept);
    }
}
