package org.finrec.recommender.cf.internal;

import java.util.Map;
import java.util.Set;
import org.finrec.api.data.Dataset;
import org.finrec.api.spi.Recommender;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.LoggerFactory;

/**
 * User-based k nearest neighbours (what similar customers have): one instance per factory configuration of {@value CfComponents#USER_KNN_PID}, configured by {@link UserKnnConfiguration}. Training,
 * loading, swapping and scoring are {@link CfRecommender}'s; this class checks the configuration.
 */
@Component(service = Recommender.class, configurationPid = CfComponents.USER_KNN_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE,
        property = Recommender.FAMILY + "=" + Recommender.FAMILY_COLLABORATIVE)
@Designate(ocd = UserKnnConfiguration.class, factory = true)
public final class UserKnnRecommender extends CfRecommender {

    /** The properties of this algorithm; the other algorithms' are refused. */
    static final Set<String> PROPERTIES = Set.of("similarity", "neighbours");

    /**
     * Activates the component: checks the configuration, then trains or loads {@code model.version}.
     *
     * @throws IllegalArgumentException when the configuration is refused (the message names the PID, the property,
     *     its value and what is allowed)
     * @throws IllegalStateException when no model can be had (the message says why and names the artifact)
     */
    @Activate
    public UserKnnRecommender(UserKnnConfiguration configuration, Map<String, Object> properties,
            @Reference(name = "dataset", cardinality = ReferenceCardinality.OPTIONAL) Dataset dataset) {
        super(setup(configuration, properties), dataset, LoggerFactory.getLogger(UserKnnRecommender.class));
    }

    /** Checks and applies a configuration change; a refused one is logged and the previous model keeps serving. */
    @Modified
    void modified(UserKnnConfiguration configuration, Map<String, Object> properties) {
        reconfigure(() -> setup(configuration, properties));
    }

    /**
     * Checks a configuration.
     *
     * @throws IllegalArgumentException naming the PID and every refused property with its value and range
     */
    static CfSetup setup(UserKnnConfiguration configuration, Map<String, ?> properties) {
        CfPropertyCheck check = new CfPropertyCheck(CfComponents.USER_KNN_PID, properties, PROPERTIES);
        Similarity similarity = check.value("similarity", configuration::similarity, "COSINE, PEARSON or EUCLIDEAN",
                Similarity.COSINE);
        if (similarity == Similarity.ADJUSTED_COSINE) {
            check.refuse("similarity", similarity, "COSINE, PEARSON or EUCLIDEAN; ADJUSTED_COSINE is item kNN's");
        }
        CfSettings settings = CfSettings.userKnn(similarity == Similarity.ADJUSTED_COSINE ? Similarity.COSINE
                : similarity, check.integer("neighbours", configuration::neighbours, 1, CfComponents.MAX_NEIGHBOURS),
                check.positiveKinds(configuration::positive_kinds));
        return check.setup(configuration.finrec_recommender_name(), settings, configuration.dataset_target(),
                configuration.model_store(), configuration.model_version());
    }
}
