package org.finrec.data.internal.read;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.finrec.api.AgeRange;
import org.finrec.api.Customer;
import org.finrec.api.InteractionKind;
import org.finrec.api.Product;
import org.finrec.api.data.Dataset;
import org.finrec.data.DatasetFormat;
import org.finrec.data.internal.store.DatasetBuilder;

/**
 * Reads {@link DatasetFormat#MOVIELENS}: GroupLens MovieLens 100K {@code u.data} ({@code user item rating
 * timestamp}, tab-separated, timestamp in seconds). The path is {@code u.data} or the folder holding it; the
 * dataset is named after the folder.
 *
 * <p>Every rating is a {@code PURCHASE} weighted by the rating. Customers are the users and products the items, in
 * order of first appearance in {@code u.data}. When {@code u.item} lies next to it ({@code |}-separated,
 * ISO-8859-1), products are named by its titles; when {@code u.user} does ({@code user|age|gender|occupation|zip
 * code}), customers get its age and the attributes {@code gender}, {@code occupation} and {@code zip_code}.
 * Product category {@code OTHER}, no risk class (suitability offers such products to nobody).
 *
 * <p>Bad rows: a wrong number of columns, a blank id, a rating that is not a number 0 or more, a timestamp that is
 * not a whole number; in {@code u.item} a line without a title; in {@code u.user} a wrong number of columns or an
 * age that is not 0-{@value AgeRange#MAX_AGE}.
 */
public final class MovieLensReader extends AbstractDatasetReader {

    static final String RATINGS_FILE = "u.data";
    static final String ITEMS_FILE = "u.item";
    static final String USERS_FILE = "u.user";

    @Override
    Dataset read(Path path, ImportSession session) {
        Path ratings = Files.isDirectory(path) ? path.resolve(RATINGS_FILE) : path;
        Path folder = ratings.toAbsolutePath().normalize().getParent();
        String name = ratings.getFileName().toString().equals(RATINGS_FILE) && folder.getFileName() != null
                ? folder.getFileName().toString() : stem(ratings);
        Map<String, String> titles = readTitles(folder.resolve(ITEMS_FILE), session);
        Map<String, Customer> users = readUsers(folder.resolve(USERS_FILE), session);

        DatasetBuilder builder = session.builder(name, List.of());
        try (SplitRowSource rows = SplitRowSource.delimited(ratings, session, StandardCharsets.UTF_8, '\t')) {
            rows.nameColumns(Header.of(ratings, "user_id", "item_id", "rating", "timestamp"), true);
            rows.forEachRow(row -> {
                String user = row.requireText(0);
                String item = row.requireText(1);
                float rating = row.nonNegativeFloatValue(2);
                long seconds = row.longValue(3);
                if (Math.abs(seconds) > Long.MAX_VALUE / 1000) {
                    throw row.problem(3, "timestamp out of range: " + seconds);
                }
                int customer = builder.customerIndex(user);
                if (customer < 0) {
                    customer = builder.addCustomer(users.getOrDefault(user, Customer.builder(user).build()));
                }
                int product = builder.productIndex(item);
                if (product < 0) {
                    product = builder.addProduct(Product.builder(item).name(titles.getOrDefault(item, item)).build());
                }
                builder.addInteraction(customer, product, InteractionKind.PURCHASE, seconds * 1000, rating);
            });
        }
        return builder.build();
    }

    /** Reads item titles from {@code u.item}; a small file, read whole into a map when present. */
    private static Map<String, String> readTitles(Path file, ImportSession session) {
        Map<String, String> titles = new HashMap<>();
        if (Files.exists(file)) {
            try (SplitRowSource rows = SplitRowSource.delimited(file, session, StandardCharsets.ISO_8859_1, '|')) {
                rows.nameColumns(Header.repeatingLast(file, "movie_id", "movie_title", "genre"), false);
                rows.forEachRow(row -> {
                    String id = row.requireText(0);
                    if (row.size() < 2 || row.isBlank(1)) {
                        throw row.problem(1, "item '" + id + "' has no title");
                    }
                    titles.put(id, row.trimmed(1));
                });
            }
        }
        return titles;
    }

    /** Reads user profiles from {@code u.user}; a small file, read whole into a map when present. */
    private static Map<String, Customer> readUsers(Path file, ImportSession session) {
        Map<String, Customer> users = new HashMap<>();
        if (Files.exists(file)) {
            try (SplitRowSource rows = SplitRowSource.delimited(file, session, StandardCharsets.ISO_8859_1, '|')) {
                rows.nameColumns(Header.of(file, "user_id", "age", "gender", "occupation", "zip_code"), true);
                rows.forEachRow(row -> {
                    String id = row.requireText(0);
                    Customer.Builder user = Customer.builder(id).age(row.intValue(1, 0, AgeRange.MAX_AGE));
                    for (int column = 2; column < row.size(); column++) {
                        if (!row.isBlank(column)) {
                            user.attribute(row.field(column), row.trimmed(column));
                        }
                    }
                    users.put(id, user.build());
                });
            }
        }
        return users;
    }
}
