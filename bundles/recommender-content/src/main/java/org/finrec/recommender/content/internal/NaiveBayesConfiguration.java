package org.finrec.recommender.content.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
        name = "Finrec naive-Bayes content recommender",
        description = "Scores each product by the odds that a customer with this profile holds it, learned from the "
                + "holdings of the customers in a dataset")
@interface NaiveBayesConfiguration {

    @AttributeDefinition(name = "Name", description = "The recommender's name (service property "
            + "finrec.recommender.name)")
    String finrec_recommender_name() default "content";

    @AttributeDefinition(
            name = "Profile features",
            description = "Customer attributes the odds are conditioned on: segment, ageBand, riskTolerance, "
                    + "preferredChannel or any attribute of the customers")
    String[] features() default {"segment", "ageBand", "riskTolerance", "preferredChannel"};

    @AttributeDefinition(name = "Smoothing", description = "Laplace pseudo-count added to every count", min = "0")
    double smoothing() default 1.0;

    @AttributeDefinition(name = "Dataset", description = "OSGi filter choosing the Dataset service to learn from, "
            + "for example (finrec.dataset.name=santander)")
    String dataset_target() default "(objectClass=org.finrec.api.data.Dataset)";
}
