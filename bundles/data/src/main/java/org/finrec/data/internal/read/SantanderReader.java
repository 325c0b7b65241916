package org.finrec.data.internal.read;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import org.finrec.api.AgeRange;
import org.finrec.api.Customer;
import org.finrec.api.InteractionKind;
import org.finrec.api.data.Dataset;
import org.finrec.data.DatasetFormat;
import org.finrec.data.internal.catalog.SantanderProducts;
import org.finrec.data.internal.store.DatasetBuilder;
import org.finrec.data.internal.store.IntToIndexMap;

/**
 * Reads {@link DatasetFormat#SANTANDER}: Kaggle's {@code train_ver2.csv} (Santander Product Recommendation, 2016),
 * one row per customer and month, 24 profile columns then the 24 {@code ind_*_ult1} ownership flags. The header
 * must list exactly these 48 columns in Kaggle's order.
 *
 * <p>Products are {@link SantanderProducts#PRODUCTS}. One customer per {@code ncodpers} (its id is the number
 * without padding), with the profile of its last row: {@code age}, {@code renta} as annual income,
 * {@code segmento} as segment, {@code antiguedad} as tenure in months, {@code canal_entrada} as preferred channel,
 * and the open attributes {@code sexo}, {@code nomprov}, {@code ind_actividad_cliente}, {@code ind_empleado},
 * {@code pais_residencia} and {@code tiprel_1mes}. Cells are trimmed (the file pads numbers with spaces); empty
 * and {@code NA} cells are unknown, and so are values the {@link Customer} record cannot hold (an age above
 * {@value AgeRange#MAX_AGE}, a negative income, the tenure sentinel {@code -999999}). The data has no risk
 * tolerance.
 *
 * <p>Monthly snapshots ({@code fecha_dato}) become interactions dated on the snapshot day (midnight UTC):
 * {@code HOLD} for each product held in the customer's first month in the file, {@code PURCHASE} when a flag
 * goes from 0 to 1 between the customer's consecutive months, {@code CLOSE} when it goes from 1 to 0. An
 * {@code NA} flag means "unknown this month" and keeps the previous month's state (in a first month: not held).
 * Holdings are the flags of the customer's last month. Each customer's months must appear in ascending order, as
 * they do in Kaggle's file.
 *
 * <p>Bad rows: a wrong number of columns, an unparsable {@code fecha_dato}, {@code ncodpers}, {@code age},
 * {@code renta} or {@code antiguedad}, a flag other than 0, 1 or NA, or a month not after the customer's previous
 * one. Memory per customer: the profile columns plus an {@code int} of flags and an {@code int} day; the 2.3 GB
 * file is streamed.
 */
public final class SantanderReader extends AbstractDatasetReader {

    /** The profile columns of {@code train_ver2.csv}, in order; the 24 product columns follow. */
    static final List<String> PROFILE_COLUMNS = List.of("fecha_dato", "ncodpers", "ind_empleado",
            "pais_residencia", "sexo", "age", "fecha_alta", "ind_nuevo", "antiguedad", "indrel", "ult_fec_cli_1t",
            "indrel_1mes", "tiprel_1mes", "indresi", "indext", "conyuemp", "canal_entrada", "indfall", "tipodom",
            "cod_prov", "nomprov", "ind_actividad_cliente", "renta", "segmento");

    /** The profile columns kept as open customer attributes under their own names. */
    static final List<String> ATTRIBUTE_COLUMNS = List.of("sexo", "nomprov", "ind_actividad_cliente",
            "ind_empleado", "pais_residencia", "tiprel_1mes");

    private static final int DATE = PROFILE_COLUMNS.indexOf("fecha_dato");
    private static final int CODE = PROFILE_COLUMNS.indexOf("ncodpers");
    private static final int AGE = PROFILE_COLUMNS.indexOf("age");
    private static final int TENURE = PROFILE_COLUMNS.indexOf("antiguedad");
    private static final int CHANNEL = PROFILE_COLUMNS.indexOf("canal_entrada");
    private static final int INCOME = PROFILE_COLUMNS.indexOf("renta");
    private static final int SEGMENT = PROFILE_COLUMNS.indexOf("segmento");
    private static final int[] ATTRIBUTES = ATTRIBUTE_COLUMNS.stream().mapToInt(PROFILE_COLUMNS::indexOf).toArray();
    private static final int FIRST_FLAG = PROFILE_COLUMNS.size();
    private static final int PRODUCTS = SantanderProducts.PRODUCTS.size();
    private static final long MILLIS_PER_DAY = 86_400_000L;

    @Override
    Dataset read(Path file, ImportSession session) {
        try (CsvRowSource rows = new CsvRowSource(file, session)) {
            checkHeader(rows.readHeader());
            Snapshots snapshots = new Snapshots(
                    session.builder(stem(file), SantanderProducts.PRODUCTS));
            rows.forEachRow(snapshots::add);
            return snapshots.build();
        }
    }

    private static void checkHeader(Header header) {
        for (int column = 0; column < FIRST_FLAG + PRODUCTS; column++) {
            String expected = column < FIRST_FLAG ? PROFILE_COLUMNS.get(column)
                    : SantanderProducts.COLUMNS.get(column - FIRST_FLAG);
            if (column >= header.size()) {
                throw header.problem(expected, "the header ends before column " + (column + 1) + " '" + expected
                        + "'; expected the 48 columns of train_ver2.csv");
            }
            if (!header.name(column).equals(expected)) {
                throw header.problem(header.name(column), "unexpected column " + (column + 1) + " '"
                        + header.name(column) + "'; train_ver2.csv has '" + expected + "' there");
            }
        }
        if (header.size() > FIRST_FLAG + PRODUCTS) {
            String extra = header.name(FIRST_FLAG + PRODUCTS);
            throw header.problem(extra, "unexpected column " + (FIRST_FLAG + PRODUCTS + 1) + " '" + extra
                    + "'; train_ver2.csv has 48 columns");
        }
    }

    /** The state of one read: customers by code, each one's flags and day of its latest month. */
    private static final class Snapshots {

        private final DatasetBuilder builder;
        private final IntToIndexMap customerByCode = new IntToIndexMap(1 << 16);
        private int[] flags = new int[1 << 16];
        private int[] lastDay = new int[1 << 16];
        private String lastDateText = "";
        private int lastDateDay;

        Snapshots(DatasetBuilder builder) {
            this.builder = builder;
        }

        void add(Row row) {
            int day = day(row);
            int code = row.intValue(CODE);
            int known = 0;
            int held = 0;
            for (int product = 0; product < PRODUCTS; product++) {
                String flag = row.trimmed(FIRST_FLAG + product);
                if (flag.equals("1")) {
                    known |= 1 << product;
                    held |= 1 << product;
                } else if (flag.equals("0")) {
                    known |= 1 << product;
                } else if (!isMissing(flag)) {
                    throw row.problem(FIRST_FLAG + product, "expected 0, 1 or NA, found '" + flag + "'");
                }
            }
            Customer profile = profile(row, Integer.toString(code));
            int customer = customerByCode.get(code);
            if (customer >= 0 && day <= lastDay[customer]) {
                throw row.problem(DATE, "customer " + code + " already has a row for "
                        + LocalDate.ofEpochDay(lastDay[customer]) + "; each customer's months must be in ascending "
                        + "order");
            }
            // the row is valid: apply it
            long millis = day * MILLIS_PER_DAY;
            if (customer < 0) {
                customer = builder.addCustomer(profile);
                customerByCode.put(code, customer);
                if (customer == flags.length) {
                    flags = Arrays.copyOf(flags, customer * 2);
                    lastDay = Arrays.copyOf(lastDay, customer * 2);
                }
                emit(customer, held, InteractionKind.HOLD, millis);
            } else {
                int previous = flags[customer];
                held = previous & ~known | held;
                emit(customer, held & ~previous, InteractionKind.PURCHASE, millis);
                emit(customer, previous & ~held, InteractionKind.CLOSE, millis);
                builder.replaceCustomer(customer, profile);
            }
            flags[customer] = held;
            lastDay[customer] = day;
        }

        Dataset build() {
            int[] products = new int[PRODUCTS];
            for (int customer = 0; customer < builder.customerCount(); customer++) {
                int count = 0;
                for (int rest = flags[customer]; rest != 0; rest &= rest - 1) {
                    products[count++] = Integer.numberOfTrailingZeros(rest);
                }
                builder.setHoldings(customer, Arrays.copyOf(products, count));
            }
            return builder.build();
        }

        private void emit(int customer, int products, InteractionKind kind, long millis) {
            for (int rest = products; rest != 0; rest &= rest - 1) {
                builder.addInteraction(customer, Integer.numberOfTrailingZeros(rest), kind, millis, 1f);
            }
        }

        /** Parses {@code fecha_dato}, remembering the last date seen because the file is sorted by month. */
        private int day(Row row) {
            String text = row.trimmed(DATE);
            if (!text.equals(lastDateText)) {
                try {
                    lastDateDay = Math.toIntExact(LocalDate.parse(text).toEpochDay());
                } catch (DateTimeParseException | ArithmeticException e) {
                    throw row.problem(DATE, "expected a date like 2015-01-28, found '" + text + "'");
                }
                lastDateText = text;
            }
            return lastDateDay;
        }

        private static Customer profile(Row row, String id) {
            Customer.Builder customer = Customer.builder(id);
            if (!isMissing(row.trimmed(AGE))) {
                int age = row.intValue(AGE);
                if (age >= 0 && age <= AgeRange.MAX_AGE) {
                    customer.age(age);
                }
            }
            if (!isMissing(row.trimmed(INCOME))) {
                float income = row.floatValue(INCOME);
                if (income >= 0) {
                    customer.annualIncome(income);
                }
            }
            if (!isMissing(row.trimmed(TENURE))) {
                int months = row.intValue(TENURE);
                if (months >= 0) {
                    customer.tenureMonths(months);
                }
            }
            String segment = row.trimmed(SEGMENT);
            if (!isMissing(segment)) {
                customer.segment(segment);
            }
            String channel = row.trimmed(CHANNEL);
            if (!isMissing(channel)) {
                customer.preferredChannel(channel);
            }
            for (int column : ATTRIBUTES) {
                String value = row.trimmed(column);
                if (!isMissing(value)) {
                    customer.attribute(row.field(column), value);
                }
            }
            return customer.build();
        }

        private static boolean isMissing(String trimmedCell) {
            return trimmedCell.isEmpty() || trimmedCell.equals("NA");
        }
    }
}
