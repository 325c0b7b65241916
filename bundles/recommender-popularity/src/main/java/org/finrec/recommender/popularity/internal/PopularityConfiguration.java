package org.finrec.recommender.popularity.internal;

import org.finrec.api.InteractionKind;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(
        name = "Finrec popularity recommender",
        description = "Ranks products by how many customers of the same segment, and overall, adopted them")
@interface PopularityConfiguration {

    /** The defaults, also those of a configuration read and checked as it arrives. */
    String DEFAULT_NAME = "popularity";
    String DEFAULT_SEGMENT_ATTRIBUTE = "segment";
    double DEFAULT_SMOOTHING = 50;

    @AttributeDefinition(
            name = "Name",
            description = "The recommender's name (service property finrec.recommender.name)")
    String finrec_recommender_name() default DEFAULT_NAME;

    @AttributeDefinition(
            name = "Segment attribute",
            description = "Customer attribute that defines segments: segment, ageBand, preferredChannel, "
                    + "riskTolerance or any name of the customer's attribute map; empty for overall popularity only")
    String segment_attribute() default DEFAULT_SEGMENT_ATTRIBUTE;

    @AttributeDefinition(
            name = "Smoothing",
            description = "Pseudo-customers that pull a segment's adoption rate towards the overall rate; "
                    + "0 trusts segments fully",
            min = "0", max = "1000000000")
    double smoothing() default DEFAULT_SMOOTHING;

    @AttributeDefinition(
            name = "Positive kinds",
            description = "Interaction kinds that count as a customer having the product, besides holding it at "
                    + "the end (the same property as the collaborative-filtering recommenders')")
    InteractionKind[] positive_kinds() default { InteractionKind.PURCHASE, InteractionKind.HOLD };

    @AttributeDefinition(
            name = "Dataset filter",
            description = "OSGi filter selecting the Dataset service to train on, for example "
                    + "(finrec.dataset.name=santander)")
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
