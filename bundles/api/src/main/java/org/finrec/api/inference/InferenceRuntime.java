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

    /**
     * Reserves room for a model in the runtime's memory budget, before the model is loaded. A model bundle reserves
     * the size of its model files (a lower bound of what the engine allocates) and closes the reservation when it
     * closes the model. During a side-by-side update both versions hold a reservation, so a budget must leave room
     * for one model twice.
     *
     * @param model names the model in messages, for example {@code all-minilm-l6-v2}
     * @param bytes the bytes to reserve, at least 0
     * @return the reservation; closing it (again) is harmless
     * @throws IllegalStateException if the reservation would take the runtime past its budget; the message names
     *     the model, the bytes asked for, those reserved and the budget
     */
    ModelReservation reserve(String model, long bytes);

    /**
     * Returns the memory budget for models.
     *
     * @return the budget in bytes, or 0 when there is none
     */
    long memoryBudget();

    /**
     * Returns how much of the budget models have reserved.
     *
     * @return the bytes reserved by open reservations
     */
    long reservedMemory();
}
