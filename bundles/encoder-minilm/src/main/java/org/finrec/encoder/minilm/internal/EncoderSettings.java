package org.finrec.encoder.minilm.internal;

import java.util.Map;
import org.finrec.api.config.ConfigurationReader;
import org.finrec.api.config.InvalidConfigurationException;

/**
 * The encoder's settings, read and checked from its configuration as it arrives.
 *
 * @param maxBatchSize the most texts encoded in one pass of the model
 * @param maxWaitMillis how long a single encode call may wait for others to share its batch
 * @param maxTokens the longest text in word pieces; longer texts are truncated
 */
record EncoderSettings(int maxBatchSize, long maxWaitMillis, int maxTokens) {

    /** Beyond this, one batch of the longest texts takes over a gigabyte of activations. */
    static final int MAX_BATCH_SIZE = 1_024;
    /** A request waiting more than ten seconds for company has waited for nothing. */
    static final long MAX_WAIT_MILLIS = 10_000;
    /** The fewest word pieces that still hold a short phrase between the two special tokens. */
    static final int MIN_TOKENS = 8;
    /** The model's position embeddings end at 512 word pieces; a longer input fails in the model. */
    static final int MODEL_MAX_TOKENS = 512;

    /**
     * Reads the settings.
     *
     * @param properties the component properties as Declarative Services passes them
     * @return the settings, the defaults of {@link EncoderConfiguration} where a property is absent
     * @throws InvalidConfigurationException naming the PID, property and value of a setting out of range
     */
    static EncoderSettings of(Map<String, ?> properties) {
        ConfigurationReader reader = ConfigurationReader.of(MiniLmTextEncoder.PID, properties);
        return new EncoderSettings(
                reader.integer("max.batch.size", EncoderConfiguration.DEFAULT_MAX_BATCH_SIZE, 1, MAX_BATCH_SIZE),
                reader.longInteger("max.wait.ms", EncoderConfiguration.DEFAULT_MAX_WAIT_MS, 0, MAX_WAIT_MILLIS),
                reader.integer("max.tokens", EncoderConfiguration.DEFAULT_MAX_TOKENS, MIN_TOKENS, MODEL_MAX_TOKENS));
    }

    @Override
    public String toString() {
        return "max.batch.size=" + maxBatchSize + ", max.wait.ms=" + maxWaitMillis + ", max.tokens=" + maxTokens;
    }
}
