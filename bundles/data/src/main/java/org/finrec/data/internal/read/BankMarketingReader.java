package org.finrec.data.internal.read;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.finrec.api.AgeRange;
import org.finrec.api.Customer;
import org.finrec.api.InteractionKind;
import org.finrec.api.data.Dataset;
import org.finrec.data.DatasetFormat;
import org.finrec.data.internal.catalog.BankMarketingProducts;
import org.finrec.data.internal.store.DatasetBuilder;

/**
 * Reads {@link DatasetFormat#BANK_MARKETING}: UCI Bank Marketing with social and economic context (Moro, Cortez
 * and Rita 2014), {@code bank-additional-full.csv} or its 10% sample {@code bank-additional.csv}: one row per
 * telemarketing contact of a Portuguese bank, {@code ;}-separated, text quoted. The header must name the 21
 * columns of {@link #COLUMNS}, in any order; other columns are ignored. The dataset is named after the file
 * ({@code bank-additional-full}) unless the options name it.
 *
 * <p>Products are {@link BankMarketingProducts#PRODUCTS}. Each row becomes a customer {@code contact-<n>}, where
 * {@code n} counts lines from the header ({@code contact-1} is the first data row; rows skipped by a lenient read
 * keep their numbers). Its typed age is {@code age}; the pre-call columns of {@link #ATTRIBUTE_COLUMNS} become open
 * attributes under their own names with the cell's text ({@code unknown} and the {@code pdays} value 999, "not
 * contacted before", are kept as they are). Segment, income and the other typed fields stay unknown.
 *
 * <p>{@code housing = yes} means the customer holds the housing loan, {@code loan = yes} the personal loan and
 * {@code y = yes} the term deposit; {@code no} and {@code unknown} mean not held, and these three columns are not
 * attributes. Each holding is also a {@code HOLD} interaction of weight 1 at {@link #SNAPSHOT} (the file is in time
 * order, May 2008 to November 2010, but has no year, so every holding is dated at the end of the last month), in
 * file order. {@code duration}, the length of the call, is known only after the call and says much about {@code y}, so
 * it is checked and dropped.
 *
 * <p>Bad rows: a wrong number of columns; an {@code age} that is not a whole number 0-{@value AgeRange#MAX_AGE}; a
 * {@code duration}, {@code pdays} or {@code previous} that is not a whole number 0 or more, a {@code campaign} not 1
 * or more (it counts the last contact); an economic indicator that is not a finite number; {@code default},
 * {@code housing} or {@code loan} other than {@code yes}, {@code no} or {@code unknown}, {@code y} other than
 * {@code yes} or {@code no}; an empty cell in another column (the data writes {@code unknown} for missing values).
 */
public final class BankMarketingReader extends AbstractDatasetReader {

    /** The columns of {@code bank-additional-full.csv}, in file order. */
    static final List<String> COLUMNS = List.of("age", "job", "marital", "education", "default", "housing", "loan",
            "contact", "month", "day_of_week", "duration", "campaign", "pdays", "previous", "poutcome",
            "emp.var.rate", "cons.price.idx", "cons.conf.idx", "euribor3m", "nr.employed", "y");

    /** The columns kept as open customer attributes under their own names, in file order. */
    static final List<String> ATTRIBUTE_COLUMNS = List.of("job", "marital", "education", "default", "contact",
            "month", "day_of_week", "campaign", "pdays", "previous", "poutcome", "emp.var.rate", "cons.price.idx",
            "cons.conf.idx", "euribor3m", "nr.employed");

    /** When every {@code HOLD} happened: the end of the data's last month, November 2010. */
    static final Instant SNAPSHOT = Instant.parse("2010-11-30T00:00:00Z");

    private static final char DELIMITER = ';';
    private static final List<String> ANSWERS = List.of("yes", "no", "unknown");
    private static final List<String> OUTCOMES = List.of("yes", "no");

    @Override
    Dataset read(Path file, ImportSession session) {
        try (CsvRowSource rows = new CsvRowSource(file, session, DELIMITER)) {
            Contacts contacts = new Contacts(rows.readHeader(),
                    session.builder(stem(file), BankMarketingProducts.PRODUCTS));
            rows.forEachRow(contacts::add);
            return contacts.builder.build();
        }
    }

    /** What a cell kept as an attribute must hold. */
    private enum Cell {
        TEXT, ANSWER, COUNT, CONTACTS, NUMBER;

        static Cell of(String column) {
            return switch (column) {
                case "default" -> ANSWER;
                case "pdays", "previous" -> COUNT;
                case "campaign" -> CONTACTS;
                case "emp.var.rate", "cons.price.idx", "cons.conf.idx", "euribor3m", "nr.employed" -> NUMBER;
                default -> TEXT;
            };
        }

        /** Checks a cell and returns its text as kept. */
        String check(Row row, int column) {
            switch (this) {
                case TEXT -> row.requireText(column);
                case ANSWER -> answer(row, column, ANSWERS);
                case COUNT -> row.intValue(column, 0, Integer.MAX_VALUE);
                case CONTACTS -> row.intValue(column, 1, Integer.MAX_VALUE);
                case NUMBER -> row.doubleValue(column);
            }
            return row.trimmed(column);
        }
    }

    /** Checks that a cell is one of the allowed answers and returns it. */
    private static String answer(Row row, int column, List<String> allowed) {
        String value = row.trimmed(column);
        if (!allowed.contains(value)) {
            throw row.problem(column, "expected " + String.join(", ", allowed.subList(0, allowed.size() - 1))
                    + " or " + allowed.get(allowed.size() - 1) + ", found '" + value + "'");
        }
        return value;
    }

    /** Adds one customer per row. */
    private static final class Contacts {
        final DatasetBuilder builder;
        private final long headerLine;
        private final int age;
        private final int duration;
        private final int[] attributeColumns = new int[ATTRIBUTE_COLUMNS.size()];
        private final Cell[] attributeCells = new Cell[ATTRIBUTE_COLUMNS.size()];
        private final int[] holdingColumns = new int[BankMarketingProducts.COLUMNS.size()];
        private final List<List<String>> holdingAnswers = new ArrayList<>();
        private final String[] values = new String[ATTRIBUTE_COLUMNS.size()];
        private final int[] held = new int[BankMarketingProducts.COLUMNS.size()];
        private final long millis = SNAPSHOT.toEpochMilli();

        Contacts(Header header, DatasetBuilder builder) {
            for (String column : COLUMNS) {
                if (header.indexOf(column) < 0) {
                    throw header.problem(column, "the header has no column '" + column + "'; a Bank Marketing "
                            + "file such as bank-additional-full.csv has the columns " + String.join(";", COLUMNS));
                }
            }
            this.builder = builder;
            this.headerLine = header.line();
            this.age = header.indexOf("age");
            this.duration = header.indexOf("duration");
            for (int a = 0; a < attributeColumns.length; a++) {
                attributeColumns[a] = header.indexOf(ATTRIBUTE_COLUMNS.get(a));
                attributeCells[a] = Cell.of(ATTRIBUTE_COLUMNS.get(a));
            }
            for (int p = 0; p < holdingColumns.length; p++) {
                String column = BankMarketingProducts.COLUMNS.get(p);
                holdingColumns[p] = header.indexOf(column);
                holdingAnswers.add(column.equals("y") ? OUTCOMES : ANSWERS);
            }
        }

        void add(Row row) {
            int years = row.intValue(age, 0, AgeRange.MAX_AGE);
            row.intValue(duration, 0, Integer.MAX_VALUE); // known only after the call: checked, never kept
            for (int a = 0; a < attributeColumns.length; a++) {
                values[a] = attributeCells[a].check(row, attributeColumns[a]);
            }
            int heldCount = 0;
            for (int p = 0; p < holdingColumns.length; p++) {
                if (answer(row, holdingColumns[p], holdingAnswers.get(p)).equals("yes")) {
                    held[heldCount++] = p;
                }
            }
            Customer.Builder customer = Customer.builder("contact-" + (row.line() - headerLine)).age(years);
            for (int a = 0; a < values.length; a++) {
                customer.attribute(ATTRIBUTE_COLUMNS.get(a), values[a]);
            }
            // the row is valid: apply it
            int index = builder.addCustomer(customer.build());
            builder.setHoldings(index, Arrays.copyOf(held, heldCount));
            for (int h = 0; h < heldCount; h++) {
                builder.addInteraction(index, held[h], InteractionKind.HOLD, millis, 1f);
            }
        }
    }
}
