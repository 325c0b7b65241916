package org.finrec.experiment.internal;

import java.util.Map;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One experiment, from one factory configuration of {@value #FACTORY_PID}: through Configuration Admin, or as a
 * file {@code org.finrec.experiment-name.config} in the runtime's configuration folder (FileInstall separates the
 * factory PID from the name with a dash). It registers itself so that the {@link ExperimentManager} runs it.
 *
 * <p>A configuration that fails validation is refused with an error naming the configuration, the property and
 * the problem; when it replaces a valid one, the valid one keeps running.
 */
@Component(service = ExperimentComponent.class, configurationPid = ExperimentComponent.FACTORY_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = ExperimentConfiguration.class, factory = true)
public final class ExperimentComponent {

    static final String FACTORY_PID = "org.finrec.experiment";

    private static final Logger LOG = LoggerFactory.getLogger(ExperimentComponent.class);

    private volatile ExperimentDefinition definition;

    @Activate
    public ExperimentComponent(ExperimentConfiguration configuration, Map<String, Object> properties) {
        this.definition = ExperimentDefinition.of(configuration, source(properties));
    }

    /** Constructor for unit tests. */
    ExperimentComponent(ExperimentDefinition definition) {
        this.definition = definition;
    }

    @Modified
    void modified(ExperimentConfiguration configuration, Map<String, Object> properties) {
        try {
            definition = ExperimentDefinition.of(configuration, source(properties));
        } catch (IllegalArgumentException invalid) {
            LOG.error("Refused a change of experiment {}; it keeps running as before: {}", definition.id(),
                    invalid.getMessage());
        }
    }

    ExperimentDefinition definition() {
        return definition;
    }

    private static String source(Map<String, Object> properties) {
        return "experiment configuration " + properties.getOrDefault(Constants.SERVICE_PID, FACTORY_PID);
    }
}
