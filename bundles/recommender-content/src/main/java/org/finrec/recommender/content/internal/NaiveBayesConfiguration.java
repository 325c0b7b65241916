package org.finrec.recommender.content.internal;

import java.util.List;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(
        name = "Finrec naive-Bayes content recommender",
        description = "Scores each product by the odds that a customer with this profile holds it, learned from the "
                + "holdings of the customers in a dataset")
@interface NaiveBayesConfiguration {

    /** The defaults and bounds, also those of a configuration read and checked as it arrives. */
    String DEFAULT_NAME = "content";
    List<String> DEFAULT_FEATURES = List.of("segment", "ageBand", "riskTolerance", "preferredChannel");
    double DEFAULT_SMOOTHING = 1.0;
    double MIN_SMOOTHING = 1e-6;
    double MAX_SMOOTHING = 1e9;

    @AttributeDefinition(name = "Name", description = "The recommender's name (service property "
            + "finrec.recommender.name)")
    String finrec_recommender_name() default DEFAULT_NAME;

    @AttributeDefinition(
            name = "Profile features",
            description = "Customer attributes the odds are conditioned on: segment, ageBand, riskTolerance, "
                    + "preferredChannel or any attribute of the customers")
    String[] features() default {"segment", "ageBand", "riskTolerance", "preferredChannel"};

    @AttributeDefinition(name = "Smoothing", description = "Laplace pseudo-count added to every count, above "
            + "0 so that every product keeps finite odds", min = "0.000001", max = "1000000000")
    double smoothing() default DEFAULT_SMOOTHING;

    @AttributeDefinition(name = "Dataset", description = "OSGi filter choosing the Dataset service to learn from, "
            + "for example (finrec.dataset.name=santander)")
    String dataset_target() default "(objectClass=org.finrec.api.data.Dataset)";

    @AttributeDefinition(name = "Dataset required",
            description = "1 (default): the recommender waits for a Dataset service, as training needs one. 0: it"
                    + " activates without one, for a configuration that loads a stored model (model.version set)",
            options = {
                @Option(label = "required", value = "1"),
                @Option(label = "optional (loading a stored model only)", value = "0")
            })
    int dataset_cardinality_minimum() default 1;

    @AttributeDefinition(name = "Model store",
            description = "Folder of model files, <store>/<name>/<version>.frmodel; empty for none. A model trained"
                    + " at activation is saved there with its lineage; model.version loads from there")
    String model_store() default "";

    @AttributeDefinition(name = "Model version",
            description = "Empty: train on the Dataset at activation (and save to the store, if any). A version (the"
                    + " model's SHA-256 content hash, or a unique prefix of 12 or more digits): load that file"
                    + " instead of training. Changing it while active swaps the model atomically (rollback = an"
                    + " older version); a version that cannot be loaded is logged and the previous model serves on")
    String model_version() default "";
}
