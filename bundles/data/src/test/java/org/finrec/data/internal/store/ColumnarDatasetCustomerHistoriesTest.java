package org.finrec.data.internal.store;

import java.util.List;
import org.finrec.api.Customer;
import org.finrec.api.Interaction;
import org.finrec.api.Product;
import org.finrec.api.data.CustomerHistoriesContractTest;
import org.finrec.api.data.Dataset;

/** The columnar store's customer histories meet the same contract as {@link Dataset#of}'s. */
class ColumnarDatasetCustomerHistoriesTest extends CustomerHistoriesContractTest {

    @Override
    protected Dataset dataset(String name, List<Customer> customers, List<Product> products,
            List<Interaction> interactions) {
        DatasetBuilder builder = new DatasetBuilder(name, products);
        for (Customer customer : customers) {
            builder.addCustomer(customer);
        }
        for (Interaction interaction : interactions) {
            builder.addInteraction(builder.customerIndex(interaction.customerId()),
                    builder.productIndex(interaction.productId()), interaction.kind(),
                    interaction.timestamp().toEpochMilli(), (float) interaction.weight());
        }
        return builder.build();
    }
}
