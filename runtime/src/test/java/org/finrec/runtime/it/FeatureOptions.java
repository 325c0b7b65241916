package org.finrec.runtime.it;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemPackages;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.finrec.runtime.FinrecRuntime;
import org.finrec.runtime.internal.BundleRepository;
import org.finrec.runtime.internal.ExportedPackages;
import org.finrec.runtime.internal.FeatureReader;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.cm.ConfigurationAdminOptions;
import org.ops4j.pax.exam.cm.ConfigurationOption;
import org.osgi.service.feature.Feature;
import org.osgi.service.feature.FeatureBundle;
import org.osgi.service.feature.FeatureConfiguration;

/**
 * Pax Exam options that boot the framework the way {@code FinrecRuntime} does: the bundles and configurations of
 * the built-in features, taken from the assembled distribution's {@code bundles/} folder, and the Finrec API and
 * Configuration Admin API shared through the system bundle. Runs outside the framework only.
 */
final class FeatureOptions {

    private FeatureOptions() {
    }

    static Option[] of(String... featureNames) {
        Path bundles = Path.of(System.getProperty("finrec.bundles", "target/finrec-runtime/bundles"));
        if (!Files.isDirectory(bundles)) {
            throw new IllegalStateException("no bundle folder at " + bundles.toAbsolutePath()
                    + ": run the integration tests through Maven (mvn verify), which assembles it first");
        }
        BundleRepository repository = new BundleRepository(List.of(bundles), List.of());
        FeatureReader reader = new FeatureReader();
        List<Option> options = new ArrayList<>();
        // systemPackages, not a framework property: Pax Exam adds its own packages to the same list
        options.add(systemPackages(clauses(ExportedPackages.sharedWithHost())));
        options.add(systemProperty("org.slf4j.simpleLogger.defaultLogLevel").value("warn"));
        options.add(systemProperty(FinrecRuntime.DELAYED_KEEP_INSTANCES).value("true"));
        for (String name : featureNames) {
            Feature feature = reader.read(FeatureReader.builtIn(name));
            for (FeatureBundle featureBundle : feature.getBundles()) {
                Path jar = repository.find(featureBundle.getID()).orElseThrow(() -> new IllegalStateException(
                        "feature " + name + " names " + featureBundle.getID() + ", which is not in " + bundles));
                options.add(bundle(jar.toUri().toString()));
            }
            for (FeatureConfiguration configuration : feature.getConfigurations().values()) {
                ConfigurationOption option = configuration.getFactoryPid()
                        .map(ConfigurationAdminOptions::factoryConfiguration)
                        .orElseGet(() -> ConfigurationAdminOptions.newConfiguration(configuration.getPid()));
                for (Map.Entry<String, Object> value : configuration.getValues().entrySet()) {
                    option = option.put(value.getKey(), value.getValue());
                }
                options.add(option.asOption());
            }
        }
        options.add(junitBundles());
        return options.toArray(Option[]::new);
    }

    /** Splits an OSGi header into its clauses: at commas outside quoted attribute values. */
    static String[] clauses(String header) {
        List<String> clauses = new ArrayList<>();
        StringBuilder clause = new StringBuilder();
        boolean quoted = false;
        for (char c : header.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                clauses.add(clause.toString().trim());
                clause.setLength(0);
            } else {
                clause.append(c);
            }
        }
        clauses.add(clause.toString().trim());
        return clauses.toArray(String[]::new);
    }
}
