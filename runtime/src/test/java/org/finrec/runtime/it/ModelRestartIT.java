package org.finrec.runtime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.finrec.api.data.Dataset;
import org.finrec.api.spi.Recommender;
import org.finrec.runtime.FinrecRuntime;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every family's model survives a framework restart from its file: popularity, naive Bayes and content-match train
 * in one runtime and save to a model store, are retrained with other settings and rolled back by configuration;
 * a second runtime, with a fresh framework storage, serves a stored version by configuration alone (popularity
 * and naive Bayes without any dataset; content-match with a dataset whose holdings would train another model),
 * and refuses a damaged file while the model it serves keeps serving.
 */
class ModelRestartIT {

    private static final Path DISTRIBUTION = Path.of(System.getProperty("finrec.distribution",
            "target/finrec-runtime"));
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static FinrecRuntime start(Path storage) {
        return FinrecRuntime.builder().bundleFolder(DISTRIBUTION.resolve("bundles")).mavenRepositoryFallback(false)
                .feature("platform").feature("core").feature("content").storageFolder(storage)
                .serviceTimeout(WAIT).start();
    }

    private static Recommender recommender(FinrecRuntime runtime, String name) {
        return runtime.waitForService(Recommender.class, "(" + Recommender.NAME + "=" + name + ")", WAIT);
    }

    /** Waits until the named recommender serves a model other than {@code previous}. */
    private static String awaitVersionOtherThan(FinrecRuntime runtime, String name, String previous)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String version = recommender(runtime, name).modelVersion();
        while (version.equals(previous) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            version = recommender(runtime, name).modelVersion();
        }
        return version;
    }

    @ParameterizedTest
    @CsvSource({
        "org.finrec.recommender.popularity, smoothing, 5.0, true",
        "org.finrec.recommender.content, smoothing, 3.0, true",
        "org.finrec.recommender.content.match, cost, 0.25, false"
    })
    void aStoredModelServesAfterARestartAndRollsBackByConfiguration(String factoryPid, String setting,
            String otherValue, boolean servesWithoutDataset, @TempDir Path store, @TempDir Path firstStorage,
            @TempDir Path secondStorage) throws Exception {
        String name = "restart-" + factoryPid.substring(factoryPid.lastIndexOf('.') + 1);
        String pid = factoryPid + "~" + name;
        Map<String, Object> configuration = new HashMap<>(Map.of(Recommender.NAME, name,
                "dataset.target", "(" + Dataset.NAME + "=restart-bank)", "model.store", store.toString()));
        String first;
        String second;
        try (FinrecRuntime runtime = start(firstStorage)) {
            runtime.registerService(Dataset.class, TestBank.dataset(), Map.of(Dataset.NAME, "restart-bank"));
            runtime.configure(pid, configuration);
            first = recommender(runtime, name).modelVersion();
            assertEquals(64, first.length(), first);
            assertTrue(Files.isRegularFile(store.resolve(name).resolve(first + ".frmodel")), "saved " + first);

            configuration.put(setting, otherValue); // retrained through @Modified, saved as a second version
            runtime.configure(pid, configuration);
            second = awaitVersionOtherThan(runtime, name, first);
            assertNotEquals(first, second);
            // the retrained model serves as soon as it is trained and is saved right after, on the same thread
            Path secondFile = store.resolve(name).resolve(second + ".frmodel");
            long saveDeadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
            while (!Files.isRegularFile(secondFile) && System.nanoTime() < saveDeadline) {
                Thread.sleep(20);
            }
            assertTrue(Files.isRegularFile(secondFile), "saved " + second);

            configuration.put("model.version", first); // rollback is a configuration change
            runtime.configure(pid, configuration);
            assertEquals(first, awaitVersionOtherThan(runtime, name, second));
        }

        try (FinrecRuntime runtime = start(secondStorage)) {
            if (servesWithoutDataset) {
                configuration.put("dataset.cardinality.minimum", 0);
            } else {
                // content-match matches text against the dataset's products: give it one whose holdings differ,
                // so that training on it could not give the stored version back
                runtime.registerService(Dataset.class, TestBank.otherHoldings(), Map.of(Dataset.NAME,
                        "restart-bank"));
            }
            configuration.put("model.version", second.substring(0, 12)); // a unique prefix names the file
            runtime.configure(pid, configuration);
            assertEquals(second, recommender(runtime, name).modelVersion(), "served from its file after a restart");

            Path file = store.resolve(name).resolve(first + ".frmodel");
            byte[] bytes = Files.readAllBytes(file);
            bytes[bytes.length - 3] ^= 1;
            Files.write(file, bytes);
            configuration.put("model.version", first);
            runtime.configure(pid, configuration);
            Thread.sleep(1_000);
            assertEquals(second, recommender(runtime, name).modelVersion(), "a damaged file is refused");
        }
    }
}
