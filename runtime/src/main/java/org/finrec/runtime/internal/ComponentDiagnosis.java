package org.finrec.runtime.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Filter;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

/**
 * Asks Declarative Services why a service a host waits for is not there: whether a component configuration that
 * would provide it failed to activate (with the exception's message, which names the configuration's PID and
 * property when the component validates its configuration), or which references it still waits for.
 */
public final class ComponentDiagnosis {

    private final BundleContext context;

    /**
     * Creates a diagnosis on a framework.
     *
     * @param context the system bundle's context
     */
    public ComponentDiagnosis(BundleContext context) {
        this.context = context;
    }

    /**
     * Returns the failure of a component configuration that provides the service type and matches the filter,
     * if one failed to activate.
     *
     * @param serviceType the service interface's name
     * @param filter a filter on the component configuration's properties, or null for any
     * @return a message naming the component, its PID and the failure, or empty
     */
    public Optional<String> activationFailure(String serviceType, Filter filter) {
        return inspect(serviceType, filter, true).stream().findFirst();
    }

    /**
     * Describes every matching component configuration that is not active: its state, what it waits for or how it
     * failed. Meant for the message of a wait that timed out.
     *
     * @param serviceType the service interface's name
     * @param filter a filter on the component configuration's properties, or null for any
     * @return one line per configuration; empty if no component provides the type (or DS is not running)
     */
    public List<String> describe(String serviceType, Filter filter) {
        return inspect(serviceType, filter, false);
    }

    private List<String> inspect(String serviceType, Filter filter, boolean failuresOnly) {
        ServiceReference<ServiceComponentRuntime> reference = context.getServiceReference(
                ServiceComponentRuntime.class);
        if (reference == null) {
            return List.of();
        }
        ServiceComponentRuntime runtime = context.getService(reference);
        try {
            List<String> lines = new ArrayList<>();
            for (ComponentDescriptionDTO description : runtime.getComponentDescriptionDTOs()) {
                if (!Arrays.asList(description.serviceInterfaces).contains(serviceType)) {
                    continue;
                }
                for (ComponentConfigurationDTO configuration : runtime.getComponentConfigurationDTOs(description)) {
                    if (filter != null && !filter.matches(configuration.properties)) {
                        continue;
                    }
                    String source = "component " + description.name + " (" + pidOf(configuration) + ", bundle "
                            + description.bundle.symbolicName + ")";
                    if (configuration.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                        lines.add(source + " failed to activate: " + configuration.failure);
                    } else if (!failuresOnly && configuration.state == ComponentConfigurationDTO.UNSATISFIED_REFERENCE) {
                        lines.add(source + " waits for " + unsatisfied(configuration.unsatisfiedReferences));
                    } else if (!failuresOnly && configuration.state == ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION) {
                        lines.add(source + " waits for its configuration");
                    }
                }
            }
            return lines;
        } finally {
            context.ungetService(reference);
        }
    }

    private static Object pidOf(ComponentConfigurationDTO configuration) {
        Object pid = configuration.properties.get("service.pid");
        return pid == null ? "no configuration" : "PID " + pid;
    }

    private static String unsatisfied(UnsatisfiedReferenceDTO[] references) {
        List<String> names = new ArrayList<>();
        for (UnsatisfiedReferenceDTO reference : references) {
            names.add(reference.name + (reference.target == null ? "" : " " + reference.target));
        }
        return String.join(", ", names);
    }
}
