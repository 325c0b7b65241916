package org.finrec.api.inference;

import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The inference engine of the running host: registered once the engine's native libraries are loaded, so that a
 * bundle which needs them can reference this service and start after it.
 *
 * <p>Implementations are thread-safe.
 */
@ProviderType
public interface InferenceRuntime {

    /**
     * Returns the device models run on by default.
     *
     * @return {@code cpu} or {@code gpu} followed by the GPU's index, such as {@code gpu0}, as DJL's
     *     {@code Device.fromName} reads it
     */
    String device();

    /**
     * Tells whether models run on a GPU by default.
     *
     * @return {@code true} if {@link #device()} is a GPU
     */
    boolean usesGpu();

    /**
     * Returns how many GPUs the engine sees, whether or not it uses them.
     *
     * @return the number of visible GPUs, 0 without CUDA
     */
    int gpuCount();

    /**
     * Returns the engines that are loaded, with their versions.
     *
     * @return engine name (for example {@code PyTorch}, {@code OnnxRuntime}) to version, never null
     */
    Map<String, String> engines();
}
