package org.finrec.recommender.content.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
        name = "Finrec content-match recommender",
        description = "Matches product attributes (category, risk class, term, rate) to the customer's profile (life "
                + "stage, income, risk tolerance) with a logistic regression learned from holdings, and, when a text "
                + "encoder runs, product text to what the customer holds, viewed and asked for in words")
@interface ContentMatchConfiguration {

    @AttributeDefinition(name = "Name", description = "The recommender's name (service property "
            + "finrec.recommender.name)")
    String finrec_recommender_name() default "content-match";

    @AttributeDefinition(name = "Profile attributes",
            description = "Further customer attributes crossed with the product category, for example segment")
    String[] attributes() default {"segment"};

    @AttributeDefinition(name = "Cost", description = "LIBLINEAR's C: how much the data weighs against the L2 "
            + "penalty on the weights; larger fits the training data more closely", min = "0")
    double cost() default 1.0;

    @AttributeDefinition(name = "Training customers", description = "The most customers to learn from; larger "
            + "datasets are sampled evenly", min = "1")
    int training_customers() default 20000;

    @AttributeDefinition(name = "Intent weight", description = "Log odds added per standard deviation by which a "
            + "product's text is closer to the request's free-text intent than the catalogue's average; 4 lets a "
            + "product one deviation more relevant overcome odds 55 times lower, so that what the customer asks for "
            + "decides among suitable products and the profile orders those of like relevance; 0 ignores the "
            + "intent", min = "0")
    double intent_weight() default 4.0;

    @AttributeDefinition(name = "Intent minimum similarity", description = "The cosine similarity that the "
            + "product closest to the intent must reach for the intent to count at all; below it the intent matches "
            + "no product better than chance (punctuation, query syntax, gibberish, words no product uses) and adds "
            + "nothing to any product. Calibrated for all-MiniLM-L6-v2 on the synthetic bank's catalogue: banking "
            + "questions reach 0.22 to 0.66, noise at most 0.15; 0 counts every intent", min = "0", max = "1")
    double intent_min_similarity() default 0.2;

    @AttributeDefinition(name = "Holdings weight", description = "Log odds added per unit of cosine similarity "
            + "between a product's text and the closest product the customer holds; 0 ignores holdings", min = "0")
    double holdings_weight() default 1.0;

    @AttributeDefinition(name = "Views weight", description = "Log odds added per unit of cosine similarity "
            + "between a product's text and the closest product the customer recently viewed; 0 ignores views",
            min = "0")
    double views_weight() default 2.0;

    @AttributeDefinition(name = "Recent views", description = "How many of the most recently viewed products count",
            min = "0")
    int recent_views() default 5;

    @AttributeDefinition(name = "Dataset", description = "OSGi filter choosing the Dataset service to learn from, "
            + "for example (finrec.dataset.name=santander)")
    String dataset_target() default "(objectClass=org.finrec.api.data.Dataset)";

    @AttributeDefinition(name = "Text encoder", description = "OSGi filter choosing the TextEncoder service, for "
            + "example (finrec.encoder.name=all-minilm-l6-v2); without one the recommender matches profiles only")
    String encoder_target() default "(objectClass=org.finrec.api.inference.TextEncoder)";

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
