package org.finrec.recommender.popularity.internal;

import org.finrec.api.InteractionKind;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
        name = "Finrec popularity recommender",
        description = "Ranks products by how many customers of the same segment, and overall, adopted them")
@interface PopularityConfiguration {

    @AttributeDefinition(
            name = "Name",
            description = "The recommender's name (service property finrec.recommender.name)")
    String finrec_recommender_name() default "popularity";

    @AttributeDefinition(
            name = "Segment attribute",
            description = "Customer attribute that defines segments: segment, ageBand, preferredChannel, "
                    + "riskTolerance or any name of the customer's attribute map; empty for overall popularity only")
    String segment_attribute() default "segment";

    @AttributeDefinition(
            name = "Smoothing",
            description = "Pseudo-customers that pull a segment's adoption rate towards the overall rate; "
                    + "0 trusts segments fully",
            min = "0")
    double smoothing() default 50;

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
}
