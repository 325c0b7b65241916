package org.finrec.recommender.content.internal;

import java.util.List;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
        name = "Finrec content-match recommender",
        description = "Matches product attributes (category, risk class, term, rate) to the customer's profile (life "
                + "stage, income, risk tolerance) with a logistic regression learned from holdings, and, when a text "
                + "encoder runs, product text to what the customer holds, viewed and asked for in words")
@interface ContentMatchConfiguration {

    /** The defaults and bounds, also those of a configuration read and checked as it arrives. */
    String DEFAULT_NAME = "content-match";
    List<String> DEFAULT_ATTRIBUTES = List.of("segment");
    double DEFAULT_COST = 1.0;
    /** LIBLINEAR's C must be positive; beyond a million the L2 penalty no longer matters. */
    double MIN_COST = 1e-6;
    double MAX_COST = 1e6;
    int DEFAULT_TRAINING_CUSTOMERS = 20_000;
    int MAX_TRAINING_CUSTOMERS = 100_000_000;
    double DEFAULT_INTENT_WEIGHT = 4.0;
    double DEFAULT_INTENT_MIN_SIMILARITY = 0.2;
    double DEFAULT_HOLDINGS_WEIGHT = 1.0;
    double DEFAULT_VIEWS_WEIGHT = 2.0;
    /** Log odds per unit: beyond this one source of text decides every ranking by itself anyway. */
    double MAX_WEIGHT = 1_000;
    int DEFAULT_RECENT_VIEWS = 5;
    int MAX_RECENT_VIEWS = 1_000;

    @AttributeDefinition(name = "Name", description = "The recommender's name (service property "
            + "finrec.recommender.name)")
    String finrec_recommender_name() default DEFAULT_NAME;

    @AttributeDefinition(name = "Profile attributes",
            description = "Further customer attributes crossed with the product category, for example segment")
    String[] attributes() default {"segment"};

    @AttributeDefinition(name = "Cost", description = "LIBLINEAR's C: how much the data weighs against the L2 "
            + "penalty on the weights; larger fits the training data more closely", min = "0.000001",
            max = "1000000")
    double cost() default DEFAULT_COST;

    @AttributeDefinition(name = "Training customers", description = "The most customers to learn from; larger "
            + "datasets are sampled evenly", min = "1", max = "100000000")
    int training_customers() default DEFAULT_TRAINING_CUSTOMERS;

    @AttributeDefinition(name = "Intent weight", description = "Log odds added per standard deviation by which a "
            + "product's text is closer to the request's free-text intent than the catalogue's average; 4 lets a "
            + "product one deviation more relevant overcome odds 55 times lower, so that what the customer asks for "
            + "decides among suitable products and the profile orders those of like relevance; 0 ignores the "
            + "intent", min = "0", max = "1000")
    double intent_weight() default DEFAULT_INTENT_WEIGHT;

    @AttributeDefinition(name = "Intent minimum similarity", description = "The cosine similarity that the "
            + "product closest to the intent must reach for the intent to count at all; below it the intent matches "
            + "no product better than chance (punctuation, query syntax, gibberish, words no product uses) and adds "
            + "nothing to any product. Calibrated for all-MiniLM-L6-v2 on the synthetic bank's catalogue: banking "
            + "questions reach 0.22 to 0.66, noise at most 0.15; 0 counts every intent", min = "0", max = "1")
    double intent_min_similarity() default DEFAULT_INTENT_MIN_SIMILARITY;

    @AttributeDefinition(name = "Holdings weight", description = "Log odds added per unit of cosine similarity "
            + "between a product's text and the closest product the customer holds; 0 ignores holdings", min = "0",
            max = "1000")
    double holdings_weight() default DEFAULT_HOLDINGS_WEIGHT;

    @AttributeDefinition(name = "Views weight", description = "Log odds added per unit of cosine similarity "
            + "between a product's text and the closest product the customer recently viewed; 0 ignores views",
            min = "0", max = "1000")
    double views_weight() default DEFAULT_VIEWS_WEIGHT;

    @AttributeDefinition(name = "Recent views", description = "How many of the most recently viewed products count",
            min = "0", max = "1000")
    int recent_views() default DEFAULT_RECENT_VIEWS;

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
