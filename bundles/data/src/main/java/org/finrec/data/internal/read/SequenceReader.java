package org.finrec.data.internal.read;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.finrec.api.Customer;
import org.finrec.api.InteractionKind;
import org.finrec.api.Product;
import org.finrec.api.data.Dataset;
import org.finrec.data.DatasetFormat;
import org.finrec.data.internal.store.DatasetBuilder;

/**
 * Reads {@link DatasetFormat#SEQUENCE}: one line per user, {@code user item1 item2 ...} separated by spaces, items
 * in time order (the layout of the S3-Rec and ICLRec data, such as {@code Beauty.txt}). UTF-8.
 *
 * <p>Customers are the users, products the distinct items in order of first appearance (id and name = item id,
 * category {@code OTHER}, no risk class: suitability offers them to nobody). Each item is a {@code PURCHASE} of weight 1 whose timestamp is its
 * position in the line (0, 1, 2, ... milliseconds): the files carry no times, and this keeps every user's order
 * through the dataset's stable sort by time. An item may repeat.
 *
 * <p>Bad rows: a user with no items, a user on a second line.
 */
public final class SequenceReader extends AbstractDatasetReader {

    @Override
    Dataset read(Path file, ImportSession session) {
        DatasetBuilder builder = session.builder(stem(file), List.of());
        try (SplitRowSource rows = SplitRowSource.whitespaceSeparated(file, session, StandardCharsets.UTF_8)) {
            rows.nameColumns(Header.repeatingLast(file, "user", "item"), false);
            rows.forEachRow(row -> {
                String user = row.get(0);
                if (row.size() < 2) {
                    throw row.problem(1, "user '" + user + "' has no items");
                }
                if (builder.customerIndex(user) >= 0) {
                    throw row.problem(0, "user '" + user + "' appears on an earlier line");
                }
                int customer = builder.addCustomer(Customer.builder(user).build());
                for (int position = 1; position < row.size(); position++) {
                    String item = row.get(position);
                    int product = builder.productIndex(item);
                    if (product < 0) {
                        product = builder.addProduct(Product.builder(item).build());
                    }
                    builder.addInteraction(customer, product, InteractionKind.PURCHASE, position - 1, 1f);
                }
            });
        }
        return builder.build();
    }
}
