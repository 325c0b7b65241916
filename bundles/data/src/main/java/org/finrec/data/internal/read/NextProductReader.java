package org.finrec.data.internal.read;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.finrec.api.Customer;
import org.finrec.api.InteractionKind;
import org.finrec.api.Product;
import org.finrec.api.data.Dataset;
import org.finrec.data.DatasetFormat;
import org.finrec.data.internal.catalog.SantanderProducts;
import org.finrec.data.internal.store.DatasetBuilder;

/**
 * Reads {@link DatasetFormat#NEXT_PRODUCT}: one CSV row per customer with feature columns, the customer's holdings
 * last month as 0/1 columns, and the product(s) it added this month, either as a label column holding the index
 * of the added product or as 0/1 label flag columns named {@code <label.prefix><holding column>}. This is the
 * layout of {@code santander-added-products} ({@code tr_sample_feature.csv} has a {@code label} column,
 * {@code val_sample_feature.csv} has {@code lb_*} flags); both read with the defaults.
 *
 * <p>Each row becomes a customer whose holdings are the previous month's flags and one {@code PURCHASE} per
 * added product, dated on the {@code month} setting (it only orders interactions). Every other column becomes an
 * open customer attribute with the cell's text (empty cells are left out); the typed profile stays unknown
 * because such tables usually hold encoded or scaled values.
 *
 * <p>Settings ({@link org.finrec.data.ImportOptions#settings()}):
 * <table>
 * <caption>Column roles</caption>
 * <tr><th>key</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@value #ID_COLUMN}</td><td>{@value #DEFAULT_ID_COLUMN}</td><td>the customer id column; without one
 *     (as in both sample files) customers are named {@code row-<line>}. A column named in the setting must
 *     exist.</td></tr>
 * <tr><td>{@value #LABEL_COLUMN}</td><td>{@value #DEFAULT_LABEL_COLUMN}</td><td>the column with the index of the
 *     added product (0-based, in product order); used when present. A column named in the setting must
 *     exist.</td></tr>
 * <tr><td>{@value #LABEL_PREFIX}</td><td>{@value #DEFAULT_LABEL_PREFIX}</td><td>columns named this prefix plus a
 *     holding column are 0/1 flags of added products</td></tr>
 * <tr><td>{@value #HOLDING_COLUMNS}</td><td>{@value #DEFAULT_HOLDING_COLUMNS}</td><td>the previous month's 0/1
 *     holding columns: a comma-separated list of names and patterns where {@code *} matches any text. Label
 *     flag, id and label columns never count as holding columns.</td></tr>
 * <tr><td>{@value #MONTH}</td><td>{@value #DEFAULT_MONTH}</td><td>the ISO date of the purchases</td></tr>
 * </table>
 *
 * <p>Products: when every holding column is a Santander {@code ind_*_ult1} column, the 24
 * {@link SantanderProducts#PRODUCTS} (so label indices 0-23 follow Kaggle's column order); otherwise one product
 * per holding column, in header order, with the column name as id and name.
 *
 * <p>Bad rows: a wrong number of columns, a holding or label flag other than 0 or 1, a label that is not a product
 * index, a blank or repeated customer id. A header without a label column and without label flags, or without
 * holding columns, is unusable.
 */
public final class NextProductReader extends AbstractDatasetReader {

    /** Setting: the customer id column. */
    public static final String ID_COLUMN = "id.column";
    /** Setting: the added product's index column. */
    public static final String LABEL_COLUMN = "label.column";
    /** Setting: the prefix of the added products' flag columns. */
    public static final String LABEL_PREFIX = "label.prefix";
    /** Setting: the previous month's holding columns. */
    public static final String HOLDING_COLUMNS = "holding.columns";
    /** Setting: the date of the purchases. */
    public static final String MONTH = "month";

    static final String DEFAULT_ID_COLUMN = "ncodpers";
    static final String DEFAULT_LABEL_COLUMN = "label";
    static final String DEFAULT_LABEL_PREFIX = "lb_";
    static final String DEFAULT_HOLDING_COLUMNS = "ind_*_ult1";
    static final String DEFAULT_MONTH = "1970-01-01";

    @Override
    Dataset read(Path file, ImportSession session) {
        long millis = purchaseMillis(session);
        try (CsvRowSource rows = new CsvRowSource(file, session)) {
            Layout layout = Layout.of(rows.readHeader(), session);
            Customers customers = new Customers(layout, millis,
                    session.builder(stem(file), layout.products));
            rows.forEachRow(customers::add);
            return customers.builder.build();
        }
    }

    private static long purchaseMillis(ImportSession session) {
        String month = session.setting(MONTH, DEFAULT_MONTH);
        try {
            return LocalDate.parse(month).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("setting " + MONTH + " must be an ISO date such as 2016-05-28, got '"
                    + month + "'", e);
        }
    }

    /** Matches a column name against a name or a pattern in which {@code *} stands for any text. */
    static boolean matches(String pattern, String name) {
        if (!pattern.contains("*")) {
            return pattern.equals(name);
        }
        String regex = Arrays.stream(pattern.split("\\*", -1)).map(Pattern::quote)
                .collect(Collectors.joining(".*"));
        return name.matches(regex);
    }

    /** Which column plays which role, and the products. */
    private static final class Layout {
        int idColumn = -1;
        int labelColumn = -1;
        int[] holdingColumns;
        int[] holdingProducts;
        int[] flagColumns;
        int[] flagProducts;
        int[] featureColumns;
        List<Product> products;

        static Layout of(Header header, ImportSession session) {
            Layout layout = new Layout();
            layout.idColumn = roleColumn(header, session, ID_COLUMN, DEFAULT_ID_COLUMN);
            layout.labelColumn = roleColumn(header, session, LABEL_COLUMN, DEFAULT_LABEL_COLUMN);
            String prefix = session.setting(LABEL_PREFIX, DEFAULT_LABEL_PREFIX);
            String[] patterns = session.setting(HOLDING_COLUMNS, DEFAULT_HOLDING_COLUMNS).split("\\s*,\\s*");

            List<Integer> flags = new ArrayList<>();
            List<Integer> holdings = new ArrayList<>();
            List<Integer> features = new ArrayList<>();
            boolean[] matched = new boolean[patterns.length];
            for (int column = 0; column < header.size(); column++) {
                String name = header.name(column);
                if (column == layout.idColumn || column == layout.labelColumn) {
                    continue;
                }
                if (name.startsWith(prefix)) {
                    flags.add(column);
                    continue;
                }
                boolean holding = false;
                for (int p = 0; p < patterns.length; p++) {
                    if (matches(patterns[p], name)) {
                        matched[p] = true;
                        holding = true;
                    }
                }
                (holding ? holdings : features).add(column);
            }
            for (int p = 0; p < patterns.length; p++) {
                if (!matched[p] && !patterns[p].contains("*")) {
                    throw header.problem(patterns[p], "the header has no holding column '" + patterns[p]
                            + "' (setting " + HOLDING_COLUMNS + ")");
                }
            }
            if (holdings.isEmpty()) {
                throw header.problem(null, "no column matches the holding columns '"
                        + session.setting(HOLDING_COLUMNS, DEFAULT_HOLDING_COLUMNS) + "' (setting " + HOLDING_COLUMNS
                        + ")");
            }
            if (layout.labelColumn < 0 && flags.isEmpty()) {
                throw header.problem(null, "the header has neither a label column '"
                        + session.setting(LABEL_COLUMN, DEFAULT_LABEL_COLUMN) + "' nor label flag columns '" + prefix
                        + "*' (settings " + LABEL_COLUMN + ", " + LABEL_PREFIX + ")");
            }
            layout.holdingColumns = holdings.stream().mapToInt(Integer::intValue).toArray();
            layout.featureColumns = features.stream().mapToInt(Integer::intValue).toArray();
            layout.flagColumns = flags.stream().mapToInt(Integer::intValue).toArray();
            layout.assignProducts(header, prefix);
            return layout;
        }

        private void assignProducts(Header header, String prefix) {
            holdingProducts = new int[holdingColumns.length];
            boolean santander = true;
            for (int h = 0; h < holdingColumns.length; h++) {
                holdingProducts[h] = SantanderProducts.indexOfColumn(header.name(holdingColumns[h]));
                santander &= holdingProducts[h] >= 0;
            }
            if (santander) {
                products = SantanderProducts.PRODUCTS;
            } else {
                products = new ArrayList<>();
                for (int h = 0; h < holdingColumns.length; h++) {
                    products.add(Product.builder(header.name(holdingColumns[h])).build());
                    holdingProducts[h] = h;
                }
            }
            flagProducts = new int[flagColumns.length];
            for (int f = 0; f < flagColumns.length; f++) {
                String flag = header.name(flagColumns[f]);
                String target = flag.substring(prefix.length());
                flagProducts[f] = -1;
                for (int h = 0; h < holdingColumns.length; h++) {
                    if (header.name(holdingColumns[h]).equals(target)) {
                        flagProducts[f] = holdingProducts[h];
                    }
                }
                if (flagProducts[f] < 0 && santander) {
                    flagProducts[f] = SantanderProducts.indexOfColumn(target);
                }
                if (flagProducts[f] < 0) {
                    throw header.problem(flag, "label flag column '" + flag + "' names no holding column '" + target
                            + "'");
                }
            }
        }

        private static int roleColumn(Header header, ImportSession session, String setting, String defaultName) {
            int column = header.indexOf(session.setting(setting, defaultName));
            if (column < 0 && session.hasSetting(setting)) {
                return header.require(session.setting(setting, defaultName));
            }
            return column;
        }
    }

    /** Adds one customer per row. */
    private static final class Customers {
        final DatasetBuilder builder;
        private final Layout layout;
        private final long millis;
        private final boolean[] added;
        private final int[] scratch;

        Customers(Layout layout, long millis, DatasetBuilder builder) {
            this.layout = layout;
            this.millis = millis;
            this.builder = builder;
            this.added = new boolean[layout.products.size()];
            this.scratch = new int[layout.products.size()];
        }

        void add(Row row) {
            String id = layout.idColumn >= 0 ? row.requireText(layout.idColumn) : "row-" + row.line();
            if (layout.idColumn >= 0 && builder.customerIndex(id) >= 0) {
                throw row.problem(layout.idColumn, "customer id '" + id + "' appears on an earlier row");
            }
            int heldCount = 0;
            for (int h = 0; h < layout.holdingColumns.length; h++) {
                if (row.flag(layout.holdingColumns[h])) {
                    scratch[heldCount++] = layout.holdingProducts[h];
                }
            }
            int[] held = Arrays.copyOf(scratch, heldCount);
            int label = layout.labelColumn < 0 ? -1
                    : row.intValue(layout.labelColumn, 0, layout.products.size() - 1);
            boolean[] flagged = new boolean[layout.flagColumns.length];
            for (int f = 0; f < layout.flagColumns.length; f++) {
                flagged[f] = row.flag(layout.flagColumns[f]);
            }
            Customer.Builder customer = Customer.builder(id);
            for (int column : layout.featureColumns) {
                String value = row.trimmed(column);
                if (!value.isEmpty()) {
                    customer.attribute(row.field(column), value);
                }
            }
            // the row is valid: apply it
            int index = builder.addCustomer(customer.build());
            builder.setHoldings(index, held);
            if (label >= 0) {
                purchase(index, label);
            }
            for (int f = 0; f < flagged.length; f++) {
                if (flagged[f]) {
                    purchase(index, layout.flagProducts[f]);
                }
            }
            Arrays.fill(added, false);
        }

        private void purchase(int customer, int product) {
            if (!added[product]) {
                added[product] = true;
                builder.addInteraction(customer, product, InteractionKind.PURCHASE, millis, 1f);
            }
        }
    }
}
