package org.finrec.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import org.finrec.api.Product;
import org.finrec.api.ProductCatalog;
import org.finrec.api.ProductCategory;
import org.finrec.api.text.MatchMode;
import org.finrec.api.text.ProductQuery;
import org.finrec.api.text.ProductTextIndex;
import org.finrec.data.SantanderCatalog;
import org.finrec.runtime.FinrecRuntime;
import org.osgi.framework.ServiceRegistration;

/**
 * The product text index through its service: build time (with the MiniLM embeddings of every product) and
 * queries per second by keywords, by meaning and hybrid, on the Santander catalogue and on a synthetic catalogue,
 * with keyword search as the baseline of each.
 */
final class TextIndexBenchmark {

    private static final String[] KINDS = {"savings account", "credit card", "mortgage", "personal loan",
        "term deposit", "bond fund", "equity fund", "pension plan", "travel insurance", "home insurance"};
    private static final String[] FEATURES = {"with no monthly fee", "for young savers", "with cashback on fuel",
        "with a fixed rate for ten years", "for retirement", "for a child's education", "with instant access",
        "for small businesses", "with travel benefits", "for a first home"};
    private static final String[] QUERIES = {"saving for my daughter's university", "cheap card for petrol",
        "I want to buy my first flat", "safe place for my money", "plan for when I stop working",
        "insurance for my holiday abroad", "loan for a new car", "grow my savings over twenty years"};

    private TextIndexBenchmark() {
    }

    static void run(String[] options) throws Exception {
        Path bundles = Path.of("runtime/target/finrec-runtime/bundles");
        int documents = 10_000;
        double seconds = 5;
        for (int i = 0; i + 1 < options.length; i += 2) {
            switch (options[i]) {
                case "--bundles" -> bundles = Path.of(options[i + 1]);
                case "--documents" -> documents = Integer.parseInt(options[i + 1]);
                case "--seconds" -> seconds = Double.parseDouble(options[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + options[i]);
            }
        }
        try (ScratchFolder storage = ScratchFolder.create("finrec-text-benchmark");
                FinrecRuntime runtime = FinrecRuntime.builder().bundleFolder(bundles).storageFolder(storage.path())
                        .feature("platform").feature("inference").feature("text")
                        .serviceTimeout(Duration.ofMinutes(5)).start()) {
            ProductTextIndex index = runtime.waitForService(ProductTextIndex.class, null, Duration.ofMinutes(2));
            System.out.println("| catalogue | products | build s (with embeddings) | mode | queries/s | vs keywords |");
            System.out.println("|---|---|---|---|---|---|");
            measure(runtime, index, "Santander", SantanderCatalog.products(), seconds);
            measure(runtime, index, "synthetic", synthetic(documents), seconds);
        }
    }

    private static void measure(FinrecRuntime runtime, ProductTextIndex index, String name, List<Product> products,
            double seconds) throws InterruptedException, IOException {
        long started = System.nanoTime();
        ServiceRegistration<ProductCatalog> catalog = runtime.registerService(ProductCatalog.class,
                ProductCatalog.of(products), Map.of());
        while (!(index.size() == products.size() && index.understandsMeaning())) {
            Thread.sleep(10);
        }
        double build = (System.nanoTime() - started) / 1e9;
        double keywords = 0;
        for (MatchMode mode : MatchMode.values()) {
            double rate = queriesPerSecond(index, mode, seconds);
            if (mode == MatchMode.KEYWORDS) {
                keywords = rate;
            }
            System.out.printf(Locale.ROOT, "| %s | %,d | %.1f | %s | %,.0f | %.2f |%n", name, products.size(), build,
                    mode, rate, rate / keywords);
        }
        catalog.unregister();
    }

    private static double queriesPerSecond(ProductTextIndex index, MatchMode mode, double seconds) {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        long started = System.nanoTime();
        int done = 0;
        while (System.nanoTime() < deadline) {
            index.search(new ProductQuery(QUERIES[done % QUERIES.length], 10, mode, Optional.empty(),
                    OptionalInt.empty()));
            done++;
        }
        return done / ((System.nanoTime() - started) / 1e9);
    }

    /** Products named and described from a small vocabulary, reproducibly. */
    private static List<Product> synthetic(int count) {
        SplittableRandom random = new SplittableRandom(42);
        ProductCategory[] categories = ProductCategory.values();
        List<Product> products = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String kind = KINDS[random.nextInt(KINDS.length)];
            String feature = FEATURES[random.nextInt(FEATURES.length)];
            String other = FEATURES[random.nextInt(FEATURES.length)];
            products.add(Product.builder("p" + i).name(kind + " " + i).category(categories[i % categories.length])
                    .riskClass(1 + random.nextInt(7)).description("A " + kind + " " + feature + ", " + other).build());
        }
        return products;
    }
}
