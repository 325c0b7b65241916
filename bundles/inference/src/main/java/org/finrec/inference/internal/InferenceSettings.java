package org.finrec.inference.internal;

import java.util.Map;
import org.finrec.api.config.ConfigurationReader;
import org.finrec.api.config.InvalidConfigurationException;
import org.finrec.inference.internal.InferenceConfiguration.DeviceChoice;

/**
 * The inference engine's settings, read and checked from its configuration as it arrives.
 *
 * @param device which device models run on
 * @param gpuIndex which GPU, when there are several
 * @param cacheFolder where the engines extract their natives; empty for the default
 * @param memoryBudgetMegabytes most memory loaded models may reserve together; 0 for no limit
 */
record InferenceSettings(DeviceChoice device, int gpuIndex, String cacheFolder, long memoryBudgetMegabytes) {

    /** More GPUs than any one machine holds today (an HGX board has 8; CUDA numbers devices from 0). */
    static final int MAX_GPU_INDEX = 63;
    /** 16 TiB in megabytes: above any machine's memory, and far from overflowing when shifted to bytes. */
    static final long MAX_MEMORY_BUDGET_MB = 1L << 24;

    /**
     * Reads the settings.
     *
     * @param properties the component properties as Declarative Services passes them
     * @return the settings, the defaults of {@link InferenceConfiguration} where a property is absent
     * @throws InvalidConfigurationException naming the PID, property and value of a setting out of range
     */
    static InferenceSettings of(Map<String, ?> properties) {
        ConfigurationReader reader = ConfigurationReader.of(InferenceEngine.PID, properties);
        return new InferenceSettings(reader.choice("device", DeviceChoice.class, DeviceChoice.AUTO),
                reader.integer("gpu.index", 0, 0, MAX_GPU_INDEX), reader.optionalText("cache.folder", ""),
                reader.longInteger("memory.budget.mb", 0, 0, MAX_MEMORY_BUDGET_MB));
    }

    /** The memory budget in bytes; 0 for no limit. */
    long memoryBudgetBytes() {
        return memoryBudgetMegabytes << 20;
    }
}
