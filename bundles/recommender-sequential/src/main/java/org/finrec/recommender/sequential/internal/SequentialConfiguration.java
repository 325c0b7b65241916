package org.finrec.recommender.sequential.internal;

import org.finrec.api.InteractionKind;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** The configuration of {@link SequentialRecommender}, factory PID {@value SequentialRecommender#PID}. */
@ObjectClassDefinition(name = "Finrec sequential recommender",
        description = "A causal self-attention encoder over each customer's events (SASRec class), trained with DJL"
                + " on the PyTorch engine at activation or loaded from a model store by version")
@interface SequentialConfiguration {

    @AttributeDefinition(name = "Name", description = "The recommender's name (service property"
            + " finrec.recommender.name)")
    String finrec_recommender_name() default "sequential";

    @AttributeDefinition(name = "Sequence length", description = "The most recent events a sequence keeps, 2..512",
            min = "2", max = "512")
    int max_length() default 50;

    @AttributeDefinition(name = "Width", description = "Width of event representations, 8..1024, a multiple of"
            + " heads", min = "8", max = "1024")
    int width() default 64;

    @AttributeDefinition(name = "Layers", description = "Attention blocks, 1..12", min = "1", max = "12")
    int layers() default 2;

    @AttributeDefinition(name = "Heads", description = "Attention heads per block, 1..16", min = "1", max = "16")
    int heads() default 1;

    @AttributeDefinition(name = "Dropout", description = "Dropout rate in training, 0..0.9", min = "0", max = "0.9")
    double dropout() default 0.5;

    @AttributeDefinition(name = "Epochs", description = "The most passes over the customers, 1..10000; training"
            + " stops earlier when validation stops improving", min = "1", max = "10000")
    int epochs() default 200;

    @AttributeDefinition(name = "Batch size", description = "Customers per step, 1..4096", min = "1", max = "4096")
    int batch_size() default 128;

    @AttributeDefinition(name = "Learning rate", description = "Adam's learning rate after the warm-up, (0, 1]")
    double learning_rate() default 0.001;

    @AttributeDefinition(name = "Warm-up steps", description = "Steps over which the learning rate rises from 0,"
            + " 0..1000000", min = "0", max = "1000000")
    int warmup_steps() default 100;

    @AttributeDefinition(name = "Patience", description = "Epochs without a better validation NDCG@10 before"
            + " training stops, 1..1000", min = "1", max = "1000")
    int patience() default 10;

    @AttributeDefinition(name = "Sampled negatives", description = "0: full softmax over the catalogue. Else the"
            + " number of uniformly sampled negatives per step, for catalogues too large for it, 1..1000000",
            min = "0", max = "1000000")
    int sampled_negatives() default 0;

    @AttributeDefinition(name = "Validation customers", description = "The most customers whose last event"
            + " validates each epoch, 100..10000000", min = "100", max = "10000000")
    int validation_customers() default 10_000;

    @AttributeDefinition(name = "Target kinds", description = "Event kinds whose product the model learns to"
            + " predict (every event is an input)")
    InteractionKind[] target_kinds() default {InteractionKind.VIEW, InteractionKind.CLICK, InteractionKind.APPLY,
            InteractionKind.PURCHASE, InteractionKind.HOLD, InteractionKind.CLOSE};

    @AttributeDefinition(name = "Seed", description = "Random seed of initialisation, dropout and order")
    long seed() default 42;

    @AttributeDefinition(name = "Dataset filter", description = "OSGi filter selecting the Dataset to train on and"
            + " whose customers' histories are read at serving")
    String dataset_target() default "(objectClass=org.finrec.api.data.Dataset)";

    @AttributeDefinition(name = "Dataset required", description = "1 (default): wait for a Dataset. 0: activate"
            + " without one, to serve a stored model from session events only",
            options = {
                @Option(label = "required", value = "1"),
                @Option(label = "optional (loading a stored model only)", value = "0")
            })
    int dataset_cardinality_minimum() default 1;

    @AttributeDefinition(name = "Model store", description = "Folder of model files, <store>/<name>/<model"
            + " version>.frmodel; empty for none")
    String model_store() default "";

    @AttributeDefinition(name = "Model version", description = "Empty: train at activation. A version (or a unique"
            + " prefix of at least 12 hex digits): load it from the store; changing it swaps the model atomically")
    String model_version() default "";

    @AttributeDefinition(name = "Pre-trained recommender", description = "Transfer learning: the recommender name"
            + " under which the model store keeps the model to start training from (with Pre-trained version; the"
            + " model store must be set). Empty: train from a random start")
    String pretrained_recommender() default "";

    @AttributeDefinition(name = "Pre-trained version", description = "The version (or a unique prefix of at least 12"
            + " hex digits) of the model to start from, of the same width, layers, heads and sequence length; products"
            + " it knows start from its rows, the others at random, and the whole model is then fine-tuned on this"
            + " recommender's dataset")
    String pretrained_version() default "";
}
