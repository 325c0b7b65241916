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
 * Bayesian personalised ranking (Rendle et al. 2009): one instance per factory configuration of {@value CfComponents#BPR_PID}, configured by {@link BprConfiguration}. Training,
 * loading, swapping and scoring are {@link CfRecommender}'s; this class checks the configuration.
 */
@Component(service = Recommender.class, configurationPid = CfComponents.BPR_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE,
        property = Recommender.FAMILY + "=" + Recommender.FAMILY_COLLABORATIVE)
@Designate(ocd = BprConfiguration.class, factory = true)
public final class BprRecommender extends CfRecommender {

    /** The properties of this algorithm; the other algorithms' are refused. */
    static final Set<String> PROPERTIES = Set.of("factors", "epochs", "learning.rate", "regularization", "seed");

    /**
     * Activates the component: checks the configuration, then trains or loads {@code model.version}.
     *
     * @throws IllegalArgumentException when the configuration is refused (the message names the PID, the property,
     *     its value and what is allowed)
     * @throws IllegalStateException when no model can be had (the message says why and names the artifact)
     */
    @Activate
    public BprRecommender(BprConfiguration configuration, Map<String, Object> properties,
            @Reference(name = "dataset", cardinality = ReferenceCardinality.OPTIONAL) Dataset dataset) {
        super(setup(configuration, properties), dataset, LoggerFactory.getLogger(BprRecommender.class));
    }

    /** Checks and applies a configuration change; a refused one is logged and the previous model keeps serving. */
    @Modified
    void modified(BprConfiguration configuration, Map<String, Object> properties) {
        reconfigure(() -> setup(configuration, properties));
    }

    /**
     * Checks a configuration.
     *
     * @throws IllegalArgumentException naming the PID and every refused property with its value and range
     */
    static CfSetup setup(BprConfiguration configuration, Map<String, ?> properties) {
        CfPropertyCheck check = new CfPropertyCheck(CfComponents.BPR_PID, properties, PROPERTIES);
        CfSettings settings = CfSettings.bpr(
                check.integer("factors", configuration::factors, 1, CfComponents.MAX_FACTORS),
                check.integer("epochs", configuration::epochs, 1, 10_000),
                check.number("learning.rate", configuration::learning_rate, 0, false),
                check.number("regularization", configuration::regularization, 0, true),
                check.value("seed", configuration::seed, "an integer", 0L),
                check.positiveKinds(configuration::positive_kinds));
        return check.setup(configuration.finrec_recommender_name(), settings, configuration.dataset_target(),
                configuration.model_store(), configuration.model_version());
    }
}
