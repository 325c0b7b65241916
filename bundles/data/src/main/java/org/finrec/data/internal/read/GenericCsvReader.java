package org.finrec.data.internal.read;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.finrec.api.AgeRange;
import org.finrec.api.Customer;
import org.finrec.api.InteractionKind;
import org.finrec.api.Product;
import org.finrec.api.ProductCategory;
import org.finrec.api.ProductComplexity;
import org.finrec.api.data.Dataset;
import org.finrec.data.DataFormatException;
import org.finrec.data.DatasetFormat;
import org.finrec.data.internal.store.DatasetBuilder;
import org.finrec.data.internal.store.StringIndex;

/**
 * Reads {@link DatasetFormat#GENERIC_CSV}, Finrec's own export format: a folder with {@code products.csv},
 * {@code customers.csv} and {@code interactions.csv} (UTF-8, RFC 4180), read in that order. The columns are
 * documented in the bundle's {@code GENERIC_CSV.md}; the readers find them by header name, so their order is free.
 *
 * <p>Empty cells are unknown. Extra columns of {@code customers.csv} become open customer attributes; extra
 * columns of the other two files are ignored, and so is {@code channel} (the dataset view keeps no channel).
 * Holdings are derived from the interactions: a customer holds a product when its latest {@code PURCHASE},
 * {@code HOLD} or {@code CLOSE} interaction with it is not a {@code CLOSE}.
 *
 * <p>Bad rows: a wrong number of columns, a blank or repeated id, a number that does not parse or is out of range,
 * an unknown category, complexity or kind, an unparsable timestamp, a negative weight, an interaction naming an
 * unknown customer or product. A lenient read skips a bad product or customer, and then the interactions that
 * name it.
 */
public final class GenericCsvReader extends AbstractDatasetReader {

    static final String PRODUCTS_FILE = "products.csv";
    static final String CUSTOMERS_FILE = "customers.csv";
    static final String INTERACTIONS_FILE = "interactions.csv";
    private static final long MILLIS_PER_DAY = 86_400_000L;

    @Override
    Dataset read(Path folder, ImportSession session) {
        if (!Files.isDirectory(folder)) {
            throw new DataFormatException(folder, 0, null, Files.exists(folder)
                    ? "expected a folder with " + PRODUCTS_FILE + ", " + CUSTOMERS_FILE + " and " + INTERACTIONS_FILE
                    : "no such folder");
        }
        DatasetBuilder builder = session.builder(stem(folder),
                readProducts(folder.resolve(PRODUCTS_FILE), session));
        readCustomers(folder.resolve(CUSTOMERS_FILE), session, builder);
        readInteractions(folder.resolve(INTERACTIONS_FILE), session, builder);
        builder.deriveHoldingsFromOwnership();
        return builder.build();
    }

    private static List<Product> readProducts(Path file, ImportSession session) {
        List<Product> products = new ArrayList<>();
        StringIndex ids = new StringIndex();
        try (CsvRowSource rows = new CsvRowSource(file, session)) {
            Header header = rows.readHeader();
            int id = header.require("id");
            int name = header.require("name");
            int category = header.require("category");
            int risk = header.require("risk_class");
            int term = header.require("term_months");
            int rate = header.require("annual_rate_percent");
            int complexity = header.require("complexity");
            int minAge = header.require("min_age");
            int maxAge = header.require("max_age");
            int description = header.require("description");
            rows.forEachRow(row -> {
                String productId = row.requireText(id);
                if (ids.indexOf(productId) >= 0) {
                    throw row.problem(id, "product id '" + productId + "' appears on an earlier row");
                }
                Product.Builder product = Product.builder(productId);
                if (!row.isBlank(name)) {
                    product.name(row.trimmed(name));
                }
                if (!row.isBlank(category)) {
                    product.category(enumValue(row, category, ProductCategory.class));
                }
                if (!row.isBlank(risk)) {
                    product.riskClass(row.intValue(risk, Product.MIN_RISK_CLASS, Product.MAX_RISK_CLASS));
                }
                if (!row.isBlank(term)) {
                    product.termMonths(row.intValue(term, 1, Integer.MAX_VALUE));
                }
                if (!row.isBlank(rate)) {
                    product.annualRatePercent(row.doubleValue(rate));
                }
                if (!row.isBlank(complexity)) {
                    product.complexity(enumValue(row, complexity, ProductComplexity.class));
                }
                int youngest = row.isBlank(minAge) ? 0 : row.intValue(minAge, 0, AgeRange.MAX_AGE);
                int oldest = row.isBlank(maxAge) ? AgeRange.MAX_AGE : row.intValue(maxAge, youngest, AgeRange.MAX_AGE);
                products.add(product.eligibleAges(youngest, oldest).description(row.get(description).strip()).build());
                ids.add(productId);
            });
        }
        return products;
    }

    private static void readCustomers(Path file, ImportSession session, DatasetBuilder builder) {
        try (CsvRowSource rows = new CsvRowSource(file, session)) {
            Header header = rows.readHeader();
            int id = header.require("id");
            int age = header.require("age");
            int income = header.require("annual_income");
            int segment = header.require("segment");
            int risk = header.require("risk_tolerance");
            int tenure = header.require("tenure_months");
            int channel = header.require("preferred_channel");
            boolean[] typed = new boolean[header.size()];
            for (int column : new int[] {id, age, income, segment, risk, tenure, channel}) {
                typed[column] = true;
            }
            int[] attributes = IntStream.range(0, header.size()).filter(column -> !typed[column]).toArray();
            rows.forEachRow(row -> {
                String customerId = row.requireText(id);
                if (builder.customerIndex(customerId) >= 0) {
                    throw row.problem(id, "customer id '" + customerId + "' appears on an earlier row");
                }
                Customer.Builder customer = Customer.builder(customerId);
                if (!row.isBlank(age)) {
                    customer.age(row.intValue(age, 0, AgeRange.MAX_AGE));
                }
                if (!row.isBlank(income)) {
                    customer.annualIncome(row.nonNegativeFloatValue(income));
                }
                if (!row.isBlank(segment)) {
                    customer.segment(row.trimmed(segment));
                }
                if (!row.isBlank(risk)) {
                    customer.riskTolerance(row.intValue(risk, 1, 7));
                }
                if (!row.isBlank(tenure)) {
                    customer.tenureMonths(row.intValue(tenure, 0, Integer.MAX_VALUE));
                }
                if (!row.isBlank(channel)) {
                    customer.preferredChannel(row.trimmed(channel));
                }
                for (int column : attributes) {
                    if (!row.isBlank(column)) {
                        customer.attribute(row.field(column), row.trimmed(column));
                    }
                }
                builder.addCustomer(customer.build());
            });
        }
    }

    private static void readInteractions(Path file, ImportSession session, DatasetBuilder builder) {
        try (CsvRowSource rows = new CsvRowSource(file, session)) {
            Header header = rows.readHeader();
            int customerId = header.require("customer_id");
            int productId = header.require("product_id");
            int kind = header.require("kind");
            int timestamp = header.require("timestamp");
            int weight = header.indexOf("weight");
            rows.forEachRow(row -> {
                int customer = builder.customerIndex(row.requireText(customerId));
                if (customer < 0) {
                    throw row.problem(customerId, "unknown customer '" + row.trimmed(customerId) + "' (not in "
                            + CUSTOMERS_FILE + ")");
                }
                int product = builder.productIndex(row.requireText(productId));
                if (product < 0) {
                    throw row.problem(productId, "unknown product '" + row.trimmed(productId) + "' (not in "
                            + PRODUCTS_FILE + ")");
                }
                InteractionKind what = enumValue(row, kind, InteractionKind.class);
                long millis = epochMillis(row, timestamp);
                float strength = weight < 0 || row.isBlank(weight) ? 1 : row.nonNegativeFloatValue(weight);
                builder.addInteraction(customer, product, what, millis, strength);
            });
        }
    }

    /** Parses an ISO-8601 instant ({@code 2016-05-28T10:15:30Z}, an offset allowed) or date (midnight UTC). */
    static long epochMillis(Row row, int column) {
        String text = row.requireText(column);
        try {
            if (text.indexOf('T') < 0) {
                return Math.multiplyExact(LocalDate.parse(text).toEpochDay(), MILLIS_PER_DAY);
            }
            return Instant.parse(text).toEpochMilli();
        } catch (DateTimeParseException | ArithmeticException e) {
            throw row.problem(column, "expected an ISO-8601 instant such as 2016-05-28T10:15:30Z or a date such as "
                    + "2016-05-28, found '" + text + "'");
        }
    }

    private static <E extends Enum<E>> E enumValue(Row row, int column, Class<E> type) {
        String text = row.requireText(column);
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw row.problem(column, "unknown " + type.getSimpleName() + " '" + text + "'; expected one of "
                    + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }
}
