package org.finrec.recommender.cf.internal;

import org.finrec.api.InteractionKind;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** The configuration of {@link BprRecommender}, factory PID {@value CfComponents#BPR_PID}. */
@ObjectClassDefinition(name = "Finrec BPR recommender",
        description = "Bayesian personalised ranking (Rendle et al. 2009) by stochastic gradient descent. Trained on"
                + " a Dataset service at activation or loaded from a model store by version")
@interface BprConfiguration {

    @AttributeDefinition(name = "Name", description = CfComponents.NAME)
    String finrec_recommender_name() default "bpr";

    @AttributeDefinition(name = "Factors", description = CfComponents.FACTORS, min = "1", max = "1024")
    int factors() default 50;

    @AttributeDefinition(name = "Epochs", description = "Passes over the positive entries, 1..10000", min = "1",
            max = "10000")
    int epochs() default 100;

    @AttributeDefinition(name = "Learning rate", description = "Initial step, decaying linearly over the epochs;"
            + " a finite number > 0")
    double learning_rate() default 0.1;

    @AttributeDefinition(name = "Regularisation", description = "Weight decay; a finite number >= 0", min = "0")
    double regularization() default 0.02;

    @AttributeDefinition(name = "Seed", description = CfComponents.SEED + " of the factors' initialisation and of"
            + " the sampling")
    long seed() default 42;

    @AttributeDefinition(name = "Positive kinds", description = CfComponents.POSITIVE_KINDS)
    InteractionKind[] positive_kinds() default { InteractionKind.PURCHASE, InteractionKind.HOLD };

    @AttributeDefinition(name = "Dataset filter", description = CfComponents.DATASET_TARGET)
    String dataset_target() default "(objectClass=org.finrec.api.data.Dataset)";

    @AttributeDefinition(name = "Dataset required", description = CfComponents.DATASET_REQUIRED,
            options = {
                @Option(label = "required", value = "1"),
                @Option(label = "optional (loading a stored model only)", value = "0")
            })
    int dataset_cardinality_minimum() default 1;

    @AttributeDefinition(name = "Model store", description = CfComponents.MODEL_STORE)
    String model_store() default "";

    @AttributeDefinition(name = "Model version", description = CfComponents.MODEL_VERSION)
    String model_version() default "";
}
