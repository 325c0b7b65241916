package org.finrec.samplehost;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.finrec.api.Product;
import org.finrec.api.ProductCatalog;
import org.finrec.api.data.Dataset;
import org.finrec.api.inference.TextEncoder;
import org.finrec.api.spi.Recommender;
import org.finrec.runtime.FinrecRuntime;

/**
 * The sample host's Finrec: the runtime started from the bundles beside the sample host, with the bank's
 * catalogue and dataset registered as services, so that the popularity recommender trains and the facade serves.
 */
final class EmbeddedFinrec implements AutoCloseable {

    private final FinrecRuntime runtime;
    private final ProductCatalog catalog;

    private EmbeddedFinrec(FinrecRuntime runtime, ProductCatalog catalog) {
        this.runtime = runtime;
        this.catalog = catalog;
    }

    /** A feature beyond the defaults that a command may ask for. */
    enum Extra {
        /** The inference feature with the MiniLM encoder, so that content match compares product texts. */
        TEXT,
        /** The inference and sequential features, so that the sequential recommender can be created. */
        SEQUENTIAL
    }

    /** Starts the runtime and hands it the dataset; the catalogue is the dataset's products. */
    static EmbeddedFinrec start(Path bundleFolder, Dataset dataset) {
        return start(bundleFolder, dataset, Set.of());
    }

    /**
     * Starts the runtime, with the extra features asked for, and hands it the dataset. With {@link Extra#TEXT},
     * returns once the text encoder runs, so that every content-match recommender created later compares product
     * texts from its first score.
     */
    static EmbeddedFinrec start(Path bundleFolder, Dataset dataset, Set<Extra> extras) {
        List<Product> products = new ArrayList<>(dataset.productCount());
        for (int p = 0; p < dataset.productCount(); p++) {
            products.add(dataset.product(p));
        }
        ProductCatalog catalog = ProductCatalog.of(products);
        FinrecRuntime.Builder builder = FinrecRuntime.builder().bundleFolder(bundleFolder);
        FinrecRuntime.DEFAULT_FEATURES.forEach(builder::feature);
        builder.feature("content"); // the content recommenders are evaluated too
        if (!extras.isEmpty()) {
            builder.feature("inference");
        }
        if (extras.contains(Extra.SEQUENTIAL)) {
            builder.feature("sequential");
        }
        FinrecRuntime runtime = builder.start();
        try {
            runtime.registerService(ProductCatalog.class, catalog, Map.of());
            runtime.registerService(Dataset.class, dataset, Map.of(Dataset.NAME, dataset.name()));
            runtime.waitForService(Recommender.class, "(" + Recommender.NAME + "=popularity)", Duration.ofMinutes(5));
            if (extras.contains(Extra.TEXT)) {
                runtime.waitForService(TextEncoder.class, null, Duration.ofMinutes(5));
            }
            return new EmbeddedFinrec(runtime, catalog);
        } catch (RuntimeException e) {
            runtime.close();
            throw e;
        }
    }

    /** The extras a command's {@code --text} option asks for. */
    static Set<Extra> text(boolean text) {
        return text ? Set.of(Extra.TEXT) : Set.of();
    }

    /** Where the runtime looks for bundles: the option if given, else {@code bundles/} beside the sample host. */
    static Path bundleFolder(Path option) {
        return option != null ? option : SampleHost.installationFolder().resolve("bundles");
    }

    FinrecRuntime runtime() {
        return runtime;
    }

    ProductCatalog catalog() {
        return catalog;
    }

    @Override
    public void close() {
        runtime.close();
    }
}
