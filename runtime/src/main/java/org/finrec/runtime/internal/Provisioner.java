package org.finrec.runtime.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.finrec.runtime.FinrecRuntimeException;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.feature.Feature;
import org.osgi.service.feature.FeatureBundle;
import org.osgi.service.feature.FeatureConfiguration;

/**
 * Installs and starts the bundles of features in a started framework, in feature order, and hands their
 * configurations to Configuration Admin as soon as it is available, before the bundles that follow it start.
 */
public final class Provisioner {

    private final BundleContext context;
    private final BundleRepository repository;

    /**
     * Creates a provisioner.
     *
     * @param context the system bundle's context of a started framework
     * @param repository where bundle JARs are found
     */
    public Provisioner(BundleContext context, BundleRepository repository) {
        this.context = context;
        this.repository = repository;
    }

    /**
     * Installs and starts the bundles of the features and applies their configurations and the extra ones.
     *
     * @param features the features, in provisioning order
     * @param extraConfigurations further configurations by PID (factory configurations as {@code factoryPid~name}),
     *     applied after the features' own
     * @return the installed bundles
     * @throws FinrecRuntimeException naming the feature and bundle that could not be found, installed or started
     */
    public List<Bundle> provision(List<Feature> features, Map<String, Map<String, Object>> extraConfigurations) {
        Map<Path, String> jars = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (Feature feature : features) {
            for (FeatureBundle bundle : feature.getBundles()) {
                repository.find(bundle.getID()).ifPresentOrElse(jar -> jars.putIfAbsent(jar, feature.getID() + ""),
                        () -> missing.add(bundle.getID() + " (feature " + feature.getID() + ")"));
            }
        }
        if (!missing.isEmpty()) {
            throw new FinrecRuntimeException("bundles not found in " + repository.searchPath() + ": " + missing, null);
        }
        Map<String, Map<String, Object>> configurations = new LinkedHashMap<>();
        for (Feature feature : features) {
            for (FeatureConfiguration configuration : feature.getConfigurations().values()) {
                configurations.put(configuration.getPid(), configuration.getValues());
            }
        }
        configurations.putAll(extraConfigurations);

        List<Bundle> installed = new ArrayList<>(jars.size());
        jars.forEach((jar, feature) -> {
            try {
                installed.add(context.installBundle(jar.toUri().toString()));
            } catch (BundleException e) {
                throw new FinrecRuntimeException("cannot install " + jar + " of feature " + feature + ": "
                        + e.getMessage(), e);
            }
        });
        boolean configured = false;
        for (Bundle bundle : installed) {
            if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                try {
                    bundle.start();
                } catch (BundleException e) {
                    throw new FinrecRuntimeException("cannot start bundle " + bundle.getSymbolicName() + " "
                            + bundle.getVersion() + " (" + bundle.getLocation() + "): " + e.getMessage(), e);
                }
            }
            if (!configured) {
                configured = configure(configurations);
            }
        }
        if (!configured && !configurations.isEmpty()) {
            throw new FinrecRuntimeException("the features carry configurations " + configurations.keySet()
                    + " but no bundle provides Configuration Admin", null);
        }
        return installed;
    }

    /** Applies the configurations if Configuration Admin is registered; returns whether it was. */
    private boolean configure(Map<String, Map<String, Object>> configurations) {
        ServiceReference<ConfigurationAdmin> reference = context.getServiceReference(ConfigurationAdmin.class);
        if (reference == null) {
            return false;
        }
        ConfigurationAdmin configurationAdmin = context.getService(reference);
        try {
            for (Map.Entry<String, Map<String, Object>> entry : configurations.entrySet()) {
                update(configurationAdmin, entry.getKey(), entry.getValue());
            }
        } finally {
            context.ungetService(reference);
        }
        return true;
    }

    /**
     * Deletes a configuration through Configuration Admin, if it exists.
     *
     * @param configurationAdmin the service
     * @param pid a PID, or {@code factoryPid~name} for a factory configuration
     */
    public static void delete(ConfigurationAdmin configurationAdmin, String pid) {
        try {
            Configuration[] existing = configurationAdmin.listConfigurations(
                    "(" + Constants.SERVICE_PID + "=" + pid + ")");
            if (existing != null) {
                for (Configuration configuration : existing) {
                    configuration.delete();
                }
            }
        } catch (IOException | org.osgi.framework.InvalidSyntaxException e) {
            throw new FinrecRuntimeException("cannot delete configuration " + pid + ": " + e.getMessage(), e);
        }
    }

    /**
     * Creates or replaces a configuration through Configuration Admin.
     *
     * @param configurationAdmin the service
     * @param pid a PID, or {@code factoryPid~name} for a factory configuration
     * @param values the properties
     */
    public static void update(ConfigurationAdmin configurationAdmin, String pid, Map<String, ?> values) {
        try {
            int tilde = pid.indexOf('~');
            Configuration configuration = tilde < 0
                    ? configurationAdmin.getConfiguration(pid, "?")
                    : configurationAdmin.getFactoryConfiguration(pid.substring(0, tilde), pid.substring(tilde + 1),
                            "?");
            Dictionary<String, Object> properties = new Hashtable<>();
            values.forEach(properties::put);
            configuration.update(properties);
        } catch (IOException e) {
            throw new FinrecRuntimeException("cannot store configuration " + pid + ": " + e.getMessage(), e);
        }
    }
}
