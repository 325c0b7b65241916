package org.finrec.data.internal.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.finrec.api.Product;
import org.finrec.api.ProductCategory;
import org.finrec.api.ProductComplexity;

/**
 * The 24 Santander product types, read once from the bundled {@code santander-products.csv} (columns {@code id,
 * column, name, category, risk_class, term_months, annual_rate_percent, complexity, min_age, max_age,
 * description}) in the order of the {@code ind_*_ult1} columns of Kaggle's {@code train_ver2.csv}.
 */
public final class SantanderProducts {

    /** Where the catalogue lies on the class path. */
    static final String RESOURCE = "/org/finrec/data/catalog/santander-products.csv";

    /** The products in Kaggle column order; unmodifiable. */
    public static final List<Product> PRODUCTS;

    /** The Kaggle ownership column of each product, in the same order; unmodifiable. */
    public static final List<String> COLUMNS;

    private static final Map<String, Integer> INDEX_BY_COLUMN;

    static {
        List<Product> products = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        try (InputStream in = SantanderProducts.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            read(new InputStreamReader(in, StandardCharsets.UTF_8), products, columns);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        PRODUCTS = List.copyOf(products);
        COLUMNS = List.copyOf(columns);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            index.put(columns.get(i), i);
        }
        INDEX_BY_COLUMN = Map.copyOf(index);
    }

    private SantanderProducts() {
    }

    /**
     * Finds the product of a Santander ownership column.
     *
     * @param column a column name such as {@code ind_cco_fin_ult1}
     * @return the product's index in {@link #PRODUCTS}, or -1 for any other name
     */
    public static int indexOfColumn(String column) {
        Integer index = column == null ? null : INDEX_BY_COLUMN.get(column);
        return index == null ? -1 : index;
    }

    /**
     * Parses the catalogue.
     *
     * @param csv the catalogue text
     * @param products receives the products in file order
     * @param columns receives their ownership columns in file order
     * @throws IOException if reading fails
     * @throws IllegalStateException if a row is malformed; the message names the line and the product
     */
    static void read(Reader csv, List<Product> products, List<String> columns) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build();
        try (CSVParser parser = format.parse(csv)) {
            for (CSVRecord row : parser) {
                try {
                    Product.Builder product = Product.builder(row.get("id"))
                            .name(row.get("name"))
                            .category(ProductCategory.valueOf(row.get("category")))
                            .riskClass(Integer.parseInt(row.get("risk_class")))
                            .complexity(ProductComplexity.valueOf(row.get("complexity")))
                            .eligibleAges(Integer.parseInt(row.get("min_age")), Integer.parseInt(row.get("max_age")))
                            .description(row.get("description"));
                    if (!row.get("term_months").isEmpty()) {
                        product.termMonths(Integer.parseInt(row.get("term_months")));
                    }
                    if (!row.get("annual_rate_percent").isEmpty()) {
                        product.annualRatePercent(Double.parseDouble(row.get("annual_rate_percent")));
                    }
                    products.add(product.build());
                    columns.add(row.get("column"));
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException(
                            RESOURCE + ":" + (row.getRecordNumber() + 1) + ": " + e.getMessage(), e);
                }
            }
        }
        if (products.isEmpty()) {
            throw new IllegalStateException(RESOURCE + " lists no products");
        }
    }
}
