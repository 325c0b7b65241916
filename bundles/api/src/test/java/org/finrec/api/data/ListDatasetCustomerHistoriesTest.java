package org.finrec.api.data;

import java.util.List;
import org.finrec.api.Customer;
import org.finrec.api.Interaction;
import org.finrec.api.Product;

/** {@link Dataset#of}'s customer histories meet the contract. */
class ListDatasetCustomerHistoriesTest extends CustomerHistoriesContractTest {

    @Override
    protected Dataset dataset(String name, List<Customer> customers, List<Product> products,
            List<Interaction> interactions) {
        return Dataset.of(name, customers, products, interactions);
    }
}
