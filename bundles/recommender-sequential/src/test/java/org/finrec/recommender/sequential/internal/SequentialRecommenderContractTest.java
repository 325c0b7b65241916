package org.finrec.recommender.sequential.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.finrec.api.data.Dataset;
import org.finrec.api.data.ProgressListener;
import org.finrec.api.inference.InferenceRuntime;
import org.finrec.api.inference.ModelReservation;
import org.finrec.api.model.ModelLineage;
import org.finrec.api.model.ModelStore;
import org.finrec.api.model.StoredModel;
import org.finrec.api.spi.Recommender;
import org.finrec.api.spi.RecommenderContractTest;
import org.osgi.util.converter.Converters;

/**
 * The sequential recommender, as its DS component, against the contract every recommender passes. It is built the
 * way Declarative Services builds it (configuration, properties, the inference runtime on the CPU, the dataset),
 * and its model swaps the way production swaps it: a configuration change that names a stored version. The swaps
 * go back and forth between stored models, as rollbacks do, rather than retraining, since the contract expects the
 * model a swap brings back to be the very one that served before.
 */
class SequentialRecommenderContractTest extends RecommenderContractTest {

    private static final String NAME = "sequential";
    private static final Map<String, Object> SETTINGS = Map.of("width", 16, "layers", 1, "dropout", 0.1,
            "epochs", 20, "learning.rate", 0.01, "warmup.steps", 0, "patience", 20, "batch.size", 64);

    /** The inference runtime as the inference bundle registers it on a machine without a GPU. */
    static final InferenceRuntime CPU = new InferenceRuntime() {
        @Override
        public String device() {
            return "cpu";
        }

        @Override
        public boolean usesGpu() {
            return false;
        }

        @Override
        public int gpuCount() {
            return 0;
        }

        @Override
        public Map<String, String> engines() {
            return Map.of("PyTorch", "2.7.1");
        }

        @Override
        public ModelReservation reserve(String model, long bytes) {
            throw new UnsupportedOperationException("the sequential recommender reserves no memory yet");
        }

        @Override
        public long memoryBudget() {
            return 0;
        }

        @Override
        public long reservedMemory() {
            return 0;
        }
    };

    static Map<String, Object> properties(Map<String, Object> settings, String name) {
        Map<String, Object> properties = new HashMap<>(settings);
        properties.put(Recommender.NAME, name);
        properties.put("service.pid", SequentialRecommender.PID + "~" + name);
        return properties;
    }

    static SequentialConfiguration configuration(Map<String, Object> properties) {
        return Converters.standardConverter().convert(properties).to(SequentialConfiguration.class);
    }

    /** Where the component saves what it trains, and where a swap finds the model to go to. */
    private final Path store = createStore();

    private static Path createStore() {
        try {
            return Files.createTempDirectory("finrec-sequential-contract");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, Object> stored(String version) {
        Map<String, Object> properties = properties(SETTINGS, NAME);
        properties.put("model.store", store.toString());
        properties.put("model.version", version);
        return properties;
    }

    /** Concurrent requests share forward passes of float32 batches, whose size moves the last bits of a score. */
    @Override
    protected double concurrentScoreTolerance() {
        return 1e-6;
    }

    @Override
    protected Recommender train(Dataset data) {
        Map<String, Object> properties = stored("");
        return new SequentialRecommender(configuration(properties), properties, CPU, data);
    }

    /**
     * A configuration change to the stored model trained on the data, as a rollback is done in production; the
     * first swap to some data trains that model and stores it.
     */
    @Override
    protected synchronized void swapModel(Recommender recommender, Dataset data) {
        try {
            ModelStore models = ModelStore.at(store);
            String version = models.list(NAME).stream()
                    .filter(model -> model.lineage().datasetName().equals(data.name())).map(StoredModel::version)
                    .findFirst().orElse(null);
            if (version == null) {
                SequentialSettings settings = SequentialSettings.read(SequentialRecommender.PID,
                        configuration(stored("")), SETTINGS);
                SequentialModel model = new SequentialTrainer(settings, Device.cpu(), "swap", line -> { },
                        () -> false).train(data, ProgressListener.NONE);
                models.save(NAME, model, SequentialCodec.CODEC,
                        ModelLineage.of(SequentialTrainer.class.getName(), settings.lineage(), data));
                version = model.version();
            }
            Map<String, Object> properties = stored(version);
            ((SequentialRecommender) recommender).modified(configuration(properties), properties);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!recommender.modelVersion().equals(version)) {
                assertTrue(System.nanoTime() < deadline, "the stored model " + version + " does not serve");
                Thread.sleep(5);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
