package org.finrec.encoder.minilm.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
        name = "Finrec MiniLM text encoder",
        description = "How concurrent encode calls are batched, and how long a text may be")
@interface EncoderConfiguration {

    /** The defaults, also those of {@link EncoderSettings} when a property is absent. */
    int DEFAULT_MAX_BATCH_SIZE = 32;
    long DEFAULT_MAX_WAIT_MS = 2;
    int DEFAULT_MAX_TOKENS = 256;

    @AttributeDefinition(name = "Largest batch", description = "Most texts encoded in one pass of the model",
            min = "1", max = "1024")
    int max_batch_size() default DEFAULT_MAX_BATCH_SIZE;

    @AttributeDefinition(
            name = "Longest wait (ms)",
            description = "How long a single encode call may wait for others to share its batch; 0 batches only "
                    + "what is already waiting",
            min = "0", max = "10000")
    long max_wait_ms() default DEFAULT_MAX_WAIT_MS;

    @AttributeDefinition(name = "Longest text (tokens)", description = "Longer texts are truncated (the model was "
            + "trained on up to 256 word pieces)", min = "8", max = "512")
    int max_tokens() default DEFAULT_MAX_TOKENS;
}
