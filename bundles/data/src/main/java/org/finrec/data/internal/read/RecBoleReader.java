package org.finrec.data.internal.read;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.finrec.api.Customer;
import org.finrec.api.InteractionKind;
import org.finrec.api.Product;
import org.finrec.api.data.Dataset;
import org.finrec.data.DataFormatException;
import org.finrec.data.DatasetFormat;
import org.finrec.data.internal.store.DatasetBuilder;

/**
 * Reads {@link DatasetFormat#RECBOLE} atomic files: {@code <name>.inter} (required) and the optional
 * {@code <name>.item} and {@code <name>.user} next to it. Each is tab-separated UTF-8 with a typed header such as
 * {@code user_id:token	item_id:token	rating:float	timestamp:float} (types {@code token}, {@code token_seq},
 * {@code float}, {@code float_seq}).
 *
 * <p>The path is a folder holding {@code <folder name>.inter} or exactly one {@code .inter} file, the
 * {@code .inter} file itself, or the path prefix {@code <folder>/<name>}. The dataset is named {@code <name>}.
 *
 * <p>Products are the items of {@code .item} then those first seen in {@code .inter} (id and name = item id,
 * category {@code OTHER}, no risk class: suitability offers them to nobody). Customers are the users of {@code .user} (every other field an open
 * attribute) then those first seen in {@code .inter}. Each {@code .inter} row is a {@code PURCHASE} weighted by
 * its rating (1 without a rating field) at its timestamp in seconds (without a timestamp field, at its line
 * number, which keeps the file order).
 *
 * <p>Settings: {@value #USER_FIELD} (default {@code user_id}), {@value #ITEM_FIELD} ({@code item_id}),
 * {@value #RATING_FIELD} ({@code rating}) and {@value #TIME_FIELD} ({@code timestamp}) name the fields, as
 * RecBole's {@code USER_ID_FIELD}, {@code ITEM_ID_FIELD}, {@code RATING_FIELD} and {@code TIME_FIELD} do.
 *
 * <p>Bad rows: a wrong number of columns, a blank id, a repeated user or item in {@code .user}/{@code .item}, a
 * rating that is not a number 0 or more, a timestamp that is not a number.
 */
public final class RecBoleReader extends AbstractDatasetReader {

    /** Setting: the user id field. */
    public static final String USER_FIELD = "user.field";
    /** Setting: the item id field. */
    public static final String ITEM_FIELD = "item.field";
    /** Setting: the rating field. */
    public static final String RATING_FIELD = "rating.field";
    /** Setting: the timestamp field, in seconds. */
    public static final String TIME_FIELD = "time.field";

    private static final Set<String> TYPES = Set.of("token", "token_seq", "float", "float_seq");

    @Override
    Dataset read(Path path, ImportSession session) {
        Path inter = interFile(path);
        String name = stem(inter);
        Path folder = inter.toAbsolutePath().getParent();
        String userField = session.setting(USER_FIELD, "user_id");
        String itemField = session.setting(ITEM_FIELD, "item_id");

        DatasetBuilder builder = session.builder(name, List.of());
        Path items = folder.resolve(name + ".item");
        if (Files.exists(items)) {
            readItems(items, session, builder, itemField);
        }
        Path users = folder.resolve(name + ".user");
        if (Files.exists(users)) {
            readUsers(users, session, builder, userField);
        }
        readInteractions(inter, session, builder, userField, itemField);
        return builder.build();
    }

    private static Path interFile(Path path) {
        if (Files.isDirectory(path)) {
            Path named = path.resolve(path.toAbsolutePath().normalize().getFileName() + ".inter");
            if (Files.isRegularFile(named)) {
                return named;
            }
            List<Path> found = new ArrayList<>();
            try (DirectoryStream<Path> files = Files.newDirectoryStream(path, "*.inter")) {
                files.forEach(found::add);
            } catch (IOException e) {
                throw new DataFormatException(path, 0, null, "cannot list the folder: " + e);
            }
            if (found.size() != 1) {
                throw new DataFormatException(path, 0, null, found.isEmpty() ? "the folder holds no .inter file"
                        : "the folder holds " + found.size() + " .inter files; give the path of one");
            }
            return found.get(0);
        }
        if (path.getFileName() != null && path.getFileName().toString().endsWith(".inter")) {
            return path;
        }
        return path.resolveSibling(path.getFileName() + ".inter");
    }

    private static void readItems(Path file, ImportSession session, DatasetBuilder builder, String itemField) {
        try (SplitRowSource rows = SplitRowSource.delimited(file, session, StandardCharsets.UTF_8, '\t')) {
            Header header = readTypedHeader(rows);
            int item = requireField(header, itemField);
            rows.forEachRow(row -> {
                String id = row.requireText(item);
                if (builder.productIndex(id) >= 0) {
                    throw row.problem(item, "item '" + id + "' appears on an earlier row");
                }
                builder.addProduct(Product.builder(id).build());
            });
        }
    }

    private static void readUsers(Path file, ImportSession session, DatasetBuilder builder, String userField) {
        try (SplitRowSource rows = SplitRowSource.delimited(file, session, StandardCharsets.UTF_8, '\t')) {
            Header header = readTypedHeader(rows);
            int user = requireField(header, userField);
            rows.forEachRow(row -> {
                String id = row.requireText(user);
                if (builder.customerIndex(id) >= 0) {
                    throw row.problem(user, "user '" + id + "' appears on an earlier row");
                }
                Customer.Builder customer = Customer.builder(id);
                for (int column = 0; column < row.size(); column++) {
                    if (column != user && !row.isBlank(column)) {
                        customer.attribute(fieldName(row.field(column)), row.trimmed(column));
                    }
                }
                builder.addCustomer(customer.build());
            });
        }
    }

    private static void readInteractions(Path file, ImportSession session, DatasetBuilder builder, String userField,
            String itemField) {
        try (SplitRowSource rows = SplitRowSource.delimited(file, session, StandardCharsets.UTF_8, '\t')) {
            Header header = readTypedHeader(rows);
            int user = requireField(header, userField);
            int item = requireField(header, itemField);
            int rating = findField(header, session.setting(RATING_FIELD, "rating"));
            int time = findField(header, session.setting(TIME_FIELD, "timestamp"));
            rows.forEachRow(row -> {
                String userId = row.requireText(user);
                String itemId = row.requireText(item);
                float weight = rating < 0 ? 1 : row.nonNegativeFloatValue(rating);
                long millis = time < 0 ? row.line() : secondsToMillis(row, time);
                int customer = builder.customerIndex(userId);
                if (customer < 0) {
                    customer = builder.addCustomer(Customer.builder(userId).build());
                }
                int product = builder.productIndex(itemId);
                if (product < 0) {
                    product = builder.addProduct(Product.builder(itemId).build());
                }
                builder.addInteraction(customer, product, InteractionKind.PURCHASE, millis, weight);
            });
        }
    }

    private static long secondsToMillis(Row row, int column) {
        double seconds = row.doubleValue(column);
        if (Math.abs(seconds) > Long.MAX_VALUE / 1000.0) {
            throw row.problem(column, "timestamp out of range: " + row.trimmed(column));
        }
        return Math.round(seconds * 1000);
    }

    /** Reads a header of {@code name:type} cells and checks the types. */
    private static Header readTypedHeader(SplitRowSource rows) {
        Header header = rows.readHeader();
        for (int column = 0; column < header.size(); column++) {
            String cell = header.name(column);
            int colon = cell.lastIndexOf(':');
            if (colon <= 0 || !TYPES.contains(cell.substring(colon + 1))) {
                throw header.problem(cell, "expected a typed field such as 'user_id:token' (types " + TYPES + ")");
            }
        }
        return header;
    }

    private static int requireField(Header header, String field) {
        int column = findField(header, field);
        if (column < 0) {
            throw header.problem(field, "the header has no field '" + field + "'");
        }
        return column;
    }

    private static int findField(Header header, String field) {
        for (int column = 0; column < header.size(); column++) {
            if (fieldName(header.name(column)).equals(field)) {
                return column;
            }
        }
        return -1;
    }

    /** Returns the name part of a {@code name:type} header cell. */
    private static String fieldName(String headerCell) {
        int colon = headerCell.lastIndexOf(':');
        return colon > 0 ? headerCell.substring(0, colon) : headerCell;
    }
}
