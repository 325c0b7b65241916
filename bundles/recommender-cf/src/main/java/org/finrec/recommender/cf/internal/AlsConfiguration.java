package org.finrec.recommender.cf.internal;

import org.finrec.api.InteractionKind;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** The configuration of {@link AlsRecommender}, factory PID {@value CfComponents#ALS_PID}. */
@ObjectClassDefinition(name = "Finrec implicit-ALS recommender",
        description = "Implicit alternating least squares (Hu, Koren and Volinsky 2008). Trained on a Dataset"
                + " service at activation or loaded from a model store by version")
@interface AlsConfiguration {

    @AttributeDefinition(name = "Name", description = CfComponents.NAME)
    String finrec_recommender_name() default "als";

    @AttributeDefinition(name = "Factors", description = CfComponents.FACTORS, min = "1", max = "1024")
    int factors() default 50;

    @AttributeDefinition(name = "Iterations", description = "Alternating sweeps, 1..1000", min = "1", max = "1000")
    int iterations() default 15;

    @AttributeDefinition(name = "Regularisation", description = "L2 regularisation, lambda per positive entry"
            + " (ridge lambda x |items of the customer|); a finite number > 0")
    double regularization() default 0.15;

    @AttributeDefinition(name = "Alpha", description = "Confidence of a positive entry: c = 1 + alpha; a finite"
            + " number >= 0", min = "0")
    double alpha() default 1;

    @AttributeDefinition(name = "Seed", description = CfComponents.SEED + " of the factors' initialisation")
    long seed() default 42;

    @AttributeDefinition(name = "Threads", description = CfComponents.THREADS, min = "1", max = "256")
    int threads() default 4;

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
