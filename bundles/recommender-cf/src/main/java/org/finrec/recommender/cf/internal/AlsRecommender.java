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
 * Implicit alternating least squares (Hu, Koren and Volinsky 2008): one instance per factory configuration of {@value CfComponents#ALS_PID}, configured by {@link AlsConfiguration}. Training,
 * loading, swapping and scoring are {@link CfRecommender}'s; this class checks the configuration.
 */
@Component(service = Recommender.class, configurationPid = CfComponents.ALS_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE,
        property = Recommender.FAMILY + "=" + Recommender.FAMILY_COLLABORATIVE)
@Designate(ocd = AlsConfiguration.class, factory = true)
public final class AlsRecommender extends CfRecommender {

    /** The properties of this algorithm; the other algorithms' are refused. */
    static final Set<String> PROPERTIES = Set.of("factors", "iterations", "regularization", "alpha", "seed", "threads");

    /**
     * Activates the component: checks the configuration, then trains or loads {@code model.version}.
     *
     * @throws IllegalArgumentException when the configuration is refused (the message names the PID, the property,
     *     its value and what is allowed)
     * @throws IllegalStateException when no model can be had (the message says why and names the artifact)
     */
    @Activate
    public AlsRecommender(AlsConfiguration configuration, Map<String, Object> properties,
            @Reference(name = "dataset", cardinality = ReferenceCardinality.OPTIONAL) Dataset dataset) {
        super(setup(configuration, properties), dataset, LoggerFactory.getLogger(AlsRecommender.class));
    }

    /** Checks and applies a configuration change; a refused one is logged and the previous model keeps serving. */
    @Modified
    void modified(AlsConfiguration configuration, Map<String, Object> properties) {
        reconfigure(() -> setup(configuration, properties));
    }

    /**
     * Checks a configuration.
     *
     * @throws IllegalArgumentException naming the PID and every refused property with its value and range
     */
    static CfSetup setup(AlsConfiguration configuration, Map<String, ?> properties) {
        CfPropertyCheck check = new CfPropertyCheck(CfComponents.ALS_PID, properties, PROPERTIES);
        CfSettings settings = CfSettings.als(
                check.integer("factors", configuration::factors, 1, CfComponents.MAX_FACTORS),
                check.integer("iterations", configuration::iterations, 1, 1000),
                check.number("regularization", configuration::regularization, 0, false),
                check.number("alpha", configuration::alpha, 0, true),
                check.value("seed", configuration::seed, "an integer", 0L),
                check.integer("threads", configuration::threads, 1, CfComponents.MAX_THREADS),
                check.positiveKinds(configuration::positive_kinds));
        return check.setup(configuration.finrec_recommender_name(), settings, configuration.dataset_target(),
                configuration.model_store(), configuration.model_version());
    }
}
