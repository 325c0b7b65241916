package org.finrec.inference.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
        name = "Finrec inference",
        description = "Which device models run on and where the engines keep their extracted native libraries")
@interface InferenceConfiguration {

    /** Device choice. */
    enum DeviceChoice {
        /** The GPU when the engine sees one, else the CPU. */
        AUTO,
        /** The CPU, even when a GPU is present. */
        CPU,
        /** The GPU; the runtime does not start without one. */
        GPU
    }

    @AttributeDefinition(name = "Device", description = "AUTO uses the GPU when the engine sees one; CPU forces the "
            + "CPU; GPU requires one")
    DeviceChoice device() default DeviceChoice.AUTO;

    @AttributeDefinition(name = "GPU index", description = "Which GPU to use when there are several (AUTO takes the "
            + "last one if the index is too high)", min = "0", max = "63")
    int gpu_index() default 0;

    @AttributeDefinition(
            name = "Native cache folder",
            description = "Where the engines extract their native libraries (about 450 MB for PyTorch on CPU); empty "
                    + "means 'djl' under the runtime's data folder (framework property finrec.data.dir), else DJL's "
                    + "default (~/.djl.ai). Read once per JVM: the natives cannot be loaded again",
            required = false)
    String cache_folder() default "";

    @AttributeDefinition(
            name = "Memory budget (MB)",
            description = "Most memory that loaded models may reserve together (each model bundle reserves its model "
                    + "files' size before it loads); 0 for no limit. A side-by-side update holds a model twice. Can "
                    + "change at run time; a lower budget refuses new models and evicts none",
            min = "0", max = "16777216")
    long memory_budget_mb() default 0;
}
