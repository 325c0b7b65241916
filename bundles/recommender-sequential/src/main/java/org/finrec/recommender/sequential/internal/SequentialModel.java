package org.finrec.recommender.sequential.internal;

import ai.djl.Device;
import java.util.List;
import java.util.Objects;
import org.finrec.api.ProductCatalog;
import org.finrec.api.data.Model;
import org.finrec.api.spi.CatalogueIndexMap;

/**
 * A trained sequential model: its vocabulary, the settings it was trained with and the encoder's parameters as
 * plain arrays, which are what is stored and what the content hash covers. The network that serves is built from
 * them on a device the first time a request needs it ({@link #network}), and its native memory is freed when the
 * model is no longer referenced (see {@link ServingNetwork}). Immutable; thread-safe.
 */
final class SequentialModel implements Model {

    /**
     * One parameter of the encoder.
     *
     * @param name its name, for example {@code 03attention0_queryProjection_weight}
     * @param shape its shape
     * @param values its values, row-major
     */
    record Weights(String name, long[] shape, float[] values) {
    }

    private final String version;
    private final EventVocabulary vocabulary;
    private final SequentialSettings settings;
    private final List<Weights> weights;
    private final TrainingReport report;
    private final CatalogueIndexMap catalogueTokens;
    private volatile ServingNetwork network;

    SequentialModel(String version, EventVocabulary vocabulary, SequentialSettings settings, List<Weights> weights,
            TrainingReport report) {
        this.version = Objects.requireNonNull(version, "version");
        this.vocabulary = vocabulary;
        this.settings = settings;
        this.weights = List.copyOf(weights);
        this.report = report;
        this.catalogueTokens = new CatalogueIndexMap(vocabulary::token);
    }

    /** Per catalogue index, the product's token, 0 for a product the model does not know. */
    int[] tokens(ProductCatalog catalog) {
        return catalogueTokens.modelIndices(catalog);
    }

    /** The same model under its content version. */
    SequentialModel withVersion(String contentVersion) {
        return new SequentialModel(contentVersion, vocabulary, settings, weights, report);
    }

    @Override
    public String version() {
        return version;
    }

    EventVocabulary vocabulary() {
        return vocabulary;
    }

    SequentialSettings settings() {
        return settings;
    }

    List<Weights> weights() {
        return weights;
    }

    /** How training went (epochs, best validation), or {@link TrainingReport#LOADED} for a model read from a file. */
    TrainingReport report() {
        return report;
    }

    /** The network that serves this model on a device, built on first use. */
    ServingNetwork network(Device device) {
        ServingNetwork built = network;
        if (built == null) {
            synchronized (this) {
                built = network;
                if (built == null) {
                    built = ServingNetwork.build(this, device);
                    network = built;
                }
            }
        }
        return built;
    }

    @Override
    public String toString() {
        return "SequentialModel[" + version + ", " + vocabulary.size() + " products, " + settings.layers()
                + " layers x " + settings.width() + "]";
    }
}
