package org.finrec.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.finrec.api.recommend.RecommendationService;
import org.finrec.api.spi.Recommender;
import org.finrec.runtime.internal.BundleDeployer;
import org.finrec.runtime.internal.BundleRepository;
import org.finrec.runtime.internal.ComponentDiagnosis;
import org.finrec.runtime.internal.ExportedPackages;
import org.finrec.runtime.internal.FeatureReader;
import org.finrec.runtime.internal.LiveRecommendationService;
import org.finrec.runtime.internal.OsgiLogForwarder;
import org.finrec.runtime.internal.Provisioner;
import org.finrec.runtime.internal.StorageLock;
import org.finrec.runtime.internal.WaitWatchdog;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.feature.Feature;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finrec embedded in a host: an OSGi framework (Apache Felix) started behind this small API, provisioned from
 * OSGi features, with the Finrec API shared through the system bundle so that the host and the bundles use the
 * same API classes.
 *
 * <pre>{@code
 * try (FinrecRuntime runtime = FinrecRuntime.builder().bundleFolder(home.resolve("bundles")).start()) {
 *     runtime.registerService(ProductCatalog.class, catalog, Map.of());
 *     runtime.registerService(Dataset.class, dataset, Map.of(Dataset.NAME, "bank"));
 *     RecommendationResponse response = runtime.recommendationService().recommend(request);
 * }
 * }</pre>
 *
 * <p>Thread-safe once started. {@link #close()} stops the framework and waits for it.
 */
public final class FinrecRuntime implements AutoCloseable {

    /** The features a runtime provisions unless told otherwise: the platform, the core and collaborative filtering. */
    public static final List<String> DEFAULT_FEATURES = List.of("platform", "core", "cf", "experiment");

    /**
     * Framework property naming the folder where bundles keep data that must outlive a restart (the experiment
     * bundle's outcome log); the runtime sets it to {@code data} under the storage folder.
     */
    public static final String DATA_FOLDER_PROPERTY = "finrec.data.dir";
    /** Configuration and service property that {@link #createRecommender} stamps a configuration with. */
    public static final String CONFIGURATION_STAMP = "finrec.configuration.stamp";
    /**
     * Framework property of Felix SCR that keeps a delayed component's instance when its last consumer releases
     * it; the runtime sets it to {@code true}, and so must a host that runs Finrec's bundles in its own framework.
     */
    public static final String DELAYED_KEEP_INSTANCES = "ds.delayed.keepInstances";

    /** How often a wait for a service asks Declarative Services whether its component failed. */
    private static final long FAILURE_POLL_MILLIS = 100;
    /** How often a long wait for a service says what it waits for and where the waiting thread is. */
    private static final Duration WAIT_REPORT_INTERVAL = Duration.ofSeconds(30);
    private static final Logger WAIT_LOG = LoggerFactory.getLogger(FinrecRuntime.class);

    private final Framework framework;
    private final OsgiLogForwarder logForwarder;
    private final StorageLock storageLock;
    private final Path temporaryStorage;
    private final List<Bundle> provisioned;
    private final Duration startupTime;
    private final ServiceTracker<RecommendationService, RecommendationService> facadeTracker;
    private final RecommendationService recommendationService;
    private final BundleDeployer deployer;

    private FinrecRuntime(Framework framework, OsgiLogForwarder logForwarder, StorageLock storageLock,
            Path temporaryStorage, List<Bundle> provisioned, Duration startupTime, Duration serviceTimeout,
            Path deployFolder) {
        this.framework = framework;
        this.logForwarder = logForwarder;
        this.storageLock = storageLock;
        this.deployer = new BundleDeployer(framework.getBundleContext(), deployFolder, serviceTimeout);
        this.temporaryStorage = temporaryStorage;
        this.provisioned = List.copyOf(provisioned);
        this.startupTime = startupTime;
        this.facadeTracker = new ServiceTracker<>(framework.getBundleContext(), RecommendationService.class, null);
        this.facadeTracker.open();
        this.recommendationService = new LiveRecommendationService(facadeTracker, serviceTimeout);
    }

    /**
     * Starts a builder.
     *
     * @return a builder with the default features, no bundle folder (bundles come from the local Maven repository)
     *     and a temporary framework storage folder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the host's handle on the recommendation facade. The handle follows the facade service as bundles
     * come and go; a call made while no facade is registered waits up to the service timeout.
     *
     * @return the live facade, never null
     */
    public RecommendationService recommendationService() {
        return recommendationService;
    }

    /**
     * Registers a host object as an OSGi service, for example the {@link org.finrec.api.ProductCatalog} and the
     * {@link org.finrec.api.data.Dataset} a host owns. Its type must come from the shared Finrec API.
     *
     * @param type the service interface
     * @param service the implementation, thread-safe
     * @param properties service properties, not null
     * @param <T> the service type
     * @return the registration; unregister it to withdraw the service
     */
    public <T> ServiceRegistration<T> registerService(Class<T> type, T service, Map<String, ?> properties) {
        Dictionary<String, Object> dictionary = new Hashtable<>();
        properties.forEach(dictionary::put);
        return framework.getBundleContext().registerService(type, service, dictionary);
    }

    /**
     * Creates or replaces a configuration (Configuration Admin), for example to choose the facade's recommender:
     * {@code configure("org.finrec.core.facade", Map.of("recommender", "popularity"))}.
     *
     * @param pid a PID, or {@code factoryPid~name} for a factory configuration
     * @param properties the complete new properties
     * @throws FinrecRuntimeException if Configuration Admin is not running or cannot store the configuration
     */
    public void configure(String pid, Map<String, ?> properties) {
        BundleContext context = framework.getBundleContext();
        var reference = context.getServiceReference(ConfigurationAdmin.class);
        if (reference == null) {
            throw new FinrecRuntimeException("Configuration Admin is not running: cannot configure " + pid, null);
        }
        try {
            Provisioner.update(context.getService(reference), pid, properties);
        } finally {
            context.ungetService(reference);
        }
    }

    /**
     * Creates a recommender from a factory configuration and waits until it serves: its model trained on the
     * dataset its properties choose, or loaded from its store. The configuration is {@code factoryPid~name}; it
     * carries a stamp of this call, so that the service returned is the one this configuration made, never a
     * same-named one from before. For a new recommender; to change one that serves, use {@link #configure}.
     *
     * @param factoryPid the recommender family's factory PID, for example
     *     {@code org.finrec.recommender.popularity}
     * @param name the recommender's name ({@code finrec.recommender.name}), unique among recommenders
     * @param properties its other properties, for example {@code dataset.target} or {@code model.store}
     * @param timeout how long training or loading may take
     * @return the recommender
     * @throws FinrecRuntimeException if its component fails to activate (with the failure, which names the PID)
     *     or it does not serve in time
     */
    public Recommender createRecommender(String factoryPid, String name, Map<String, ?> properties,
            Duration timeout) {
        String stamp = java.util.UUID.randomUUID().toString();
        Map<String, Object> stamped = new LinkedHashMap<>(properties);
        stamped.put(Recommender.NAME, name);
        stamped.put(CONFIGURATION_STAMP, stamp);
        configure(factoryPid + "~" + name, stamped);
        return waitForService(Recommender.class, "(&(" + Recommender.NAME + "=" + name + ")(" + CONFIGURATION_STAMP
                + "=" + stamp + "))", timeout);
    }

    /**
     * Deletes a configuration, if it exists; the components it configured go back to their defaults or away.
     *
     * @param pid a PID, or {@code factoryPid~name} for a factory configuration
     * @throws FinrecRuntimeException if Configuration Admin is not running or cannot delete it
     */
    public void deleteConfiguration(String pid) {
        BundleContext context = framework.getBundleContext();
        var reference = context.getServiceReference(ConfigurationAdmin.class);
        if (reference == null) {
            throw new FinrecRuntimeException("Configuration Admin is not running: cannot delete " + pid, null);
        }
        try {
            Provisioner.delete(context.getService(reference), pid);
        } finally {
            context.ungetService(reference);
        }
    }

    /**
     * Waits for a service, for example a recommender that is training after a configuration change. Fails fast
     * when Declarative Services reports that the component that would provide it failed to activate (a refused
     * configuration, a training failure), with that failure's message. A wait that lasts says so every 30 s at
     * info level, with the components' state and the frames the waiting thread is in (it may be training the
     * component), so that no wait is silent and a wait that hangs shows where.
     *
     * @param type the service interface, from the shared API
     * @param filter an OSGi filter on its properties, such as {@code (finrec.recommender.name=popularity)}, or null
     * @param timeout how long to wait
     * @param <T> the service type
     * @return the service
     * @throws FinrecRuntimeException if the filter is invalid, a matching component failed to activate, or no
     *     matching service appears in time (the message then says what each matching component waits for)
     */
    public <T> T waitForService(Class<T> type, String filter, Duration timeout) {
        BundleContext context = framework.getBundleContext();
        String combined = "(&(" + Constants.OBJECTCLASS + "=" + type.getName() + ")" + (filter == null ? "" : filter)
                + ")";
        org.osgi.framework.Filter componentFilter;
        try {
            componentFilter = filter == null ? null : context.createFilter(filter);
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new FinrecRuntimeException("invalid service filter " + filter + ": " + e.getMessage(), e);
        }
        ComponentDiagnosis diagnosis = new ComponentDiagnosis(context);
        long deadline = System.nanoTime() + timeout.toNanos();
        try (WaitWatchdog watchdog = WaitWatchdog.watch(combined, () -> diagnosis.describe(type.getName(),
                componentFilter), WAIT_REPORT_INTERVAL, WAIT_LOG::info)) {
            while (true) {
                T service = obtain(context, type, filter);
                if (service != null) {
                    return service;
                }
                var failure = diagnosis.activationFailure(type.getName(), componentFilter);
                if (failure.isPresent()) {
                    throw new FinrecRuntimeException("no " + type.getSimpleName() + " matching " + combined + ": "
                            + failure.get(), null);
                }
                long remainingMillis = (deadline - System.nanoTime()) / 1_000_000;
                if (remainingMillis <= 0) {
                    List<String> states = diagnosis.describe(type.getName(), componentFilter);
                    throw new FinrecRuntimeException("no " + type.getSimpleName() + " service matching " + combined
                            + " within " + timeout.toMillis() + " ms; " + (states.isEmpty()
                                    ? "no component provides it (is its bundle installed and its configuration "
                                            + "created?)"
                                    : String.join("; ", states)), null);
                }
                Thread.sleep(Math.min(remainingMillis, FAILURE_POLL_MILLIS));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FinrecRuntimeException("interrupted while waiting for " + combined, e);
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new FinrecRuntimeException("invalid service filter " + filter + ": " + e.getMessage(), e);
        }
    }

    /**
     * The best-ranked matching service that can be obtained now, or null; obtaining it may activate its component
     * (train or load a recommender's model) on this thread. Every look asks the registry again: a service
     * tracker would get a delayed recommender on the thread that registers it (Configuration Admin's delivery
     * thread), which would then train there; polling gets it on the waiting thread, which trains instead.
     */
    private static <T> T obtain(BundleContext context, Class<T> type, String filter)
            throws org.osgi.framework.InvalidSyntaxException {
        List<ServiceReference<T>> references = new ArrayList<>(context.getServiceReferences(type, filter));
        references.sort(Comparator.reverseOrder()); // highest ranking, then oldest, first
        for (ServiceReference<T> reference : references) {
            T service = context.getService(reference);
            if (service != null) {
                // released at once, as a closed tracker would: the runtime must not count as a user of the
                // service (a side-by-side update waits for every user to move); its component stays active
                // because delayed instances are kept
                context.ungetService(reference);
                return service;
            }
        }
        return null;
    }

    /**
     * Installs and starts a bundle, for example a bank's own recommender.
     *
     * @param bundleFile the bundle's JAR file
     * @return the started bundle
     * @throws FinrecRuntimeException if it cannot be installed or started; nothing then stays installed
     */
    public Bundle install(Path bundleFile) {
        return deployer.install(bundleFile);
    }

    /**
     * Replaces a running bundle with another version of it without a failed request: the new version starts side by
     * side and takes the traffic; once every bundle that used the old version's services also uses the new
     * version's, the old version is removed, after the calls running on it finished.
     *
     * @param bundleFile the new version's JAR file; its Bundle-Version must differ from every installed version
     * @return the new bundle
     * @throws FinrecRuntimeException if the new version cannot start or take over within the service timeout; it is
     *     then removed and the old version keeps serving
     */
    public Bundle replace(Path bundleFile) {
        return deployer.replace(bundleFile);
    }

    /**
     * Removes every installed version of a bundle; calls running on its recommenders finish first.
     *
     * @param symbolicName the bundle's symbolic name
     * @return how many versions were removed
     */
    public int uninstall(String symbolicName) {
        return deployer.uninstall(symbolicName);
    }

    /**
     * Deploys a bundle through the deploy folder that FileInstall watches, with the same guarantees as
     * {@link #replace}: the file is written atomically under a name of its own version, and the files of other
     * versions of the bundle are deleted once the new version serves.
     *
     * @param bundleFile the bundle's JAR file
     * @return the file written to the deploy folder
     * @throws FinrecRuntimeException if the new version does not come up within the service timeout; its file is
     *     then deleted again and the old version keeps serving
     */
    public Path deploy(Path bundleFile) {
        return deployer.deploy(bundleFile);
    }

    /**
     * Returns the system bundle's context, for hosts that install bundles or track services themselves.
     *
     * @return the context, valid until {@link #close()}
     */
    public BundleContext bundleContext() {
        return framework.getBundleContext();
    }

    /**
     * Returns the bundles the features installed, in provisioning order.
     *
     * @return an unmodifiable list
     */
    public List<Bundle> provisionedBundles() {
        return provisioned;
    }

    /**
     * Returns how long {@link Builder#start()} took, from creating the framework to the last bundle started.
     *
     * @return the start-up time
     */
    public Duration startupTime() {
        return startupTime;
    }

    /** Stops the framework, waits up to 30 s for it, and deletes a temporary storage folder. */
    @Override
    public void close() {
        facadeTracker.close();
        try {
            framework.stop();
            framework.waitForStop(30_000);
            logForwarder.close();
        } catch (BundleException e) {
            throw new FinrecRuntimeException("cannot stop the framework: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            storageLock.close();
            if (temporaryStorage != null) {
                deleteRecursively(temporaryStorage);
            }
        }
    }

    private static void deleteRecursively(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + folder, e);
        }
    }

    /** Collects the runtime's settings. Not thread-safe. */
    public static final class Builder {
        private final List<URL> features = new ArrayList<>();
        private final List<Path> bundleFolders = new ArrayList<>();
        private final Map<String, String> frameworkProperties = new HashMap<>();
        private final Map<String, Map<String, Object>> configurations = new LinkedHashMap<>();
        private Path storageFolder;
        private Path deployFolder;
        private Path configurationFolder;
        private boolean mavenRepositoryFallback;
        private Duration serviceTimeout = Duration.ofSeconds(30);

        private Builder() {
        }

        /**
         * Adds a built-in feature by name ({@code platform}, {@code core}, ...). Without any call the runtime
         * provisions {@link #DEFAULT_FEATURES}.
         *
         * @param name the feature's name
         * @return this builder
         */
        public Builder feature(String name) {
            features.add(FeatureReader.builtIn(name));
            return this;
        }

        /**
         * Adds a feature from a JSON file.
         *
         * @param json the feature file
         * @return this builder
         */
        public Builder feature(URL json) {
            features.add(json);
            return this;
        }

        /**
         * Adds a folder of bundle JARs named {@code artifactId-version.jar}, such as a distribution's
         * {@code bundles/}. Folders are searched in order, before the local Maven repository.
         *
         * @param folder the folder
         * @return this builder
         */
        public Builder bundleFolder(Path folder) {
            bundleFolders.add(folder);
            return this;
        }

        /**
         * Sets whether bundles missing from the bundle folders are looked up in the local Maven repository
         * (default false: a production runtime runs exactly the bundles of its folders, never whatever a build
         * left in {@code ~/.m2}; development hosts and tests may ask for it).
         *
         * @param enabled whether to look there
         * @return this builder
         */
        public Builder mavenRepositoryFallback(boolean enabled) {
            this.mavenRepositoryFallback = enabled;
            return this;
        }

        /**
         * Sets the framework's storage folder. Its framework cache is emptied at start (installed bundles and
         * configurations made through the API do not survive a restart: the durable places are the features, the
         * configuration folder and the deploy folder); its {@code data} folder (the outcome log) is kept. The runtime
         * holds an exclusive lock on the folder while it runs: a second runtime on the same folder refuses to start
         * and touches nothing. Without it a temporary folder is used and deleted on close.
         *
         * @param folder the folder
         * @return this builder
         */
        public Builder storageFolder(Path folder) {
            this.storageFolder = folder;
            return this;
        }

        /**
         * Sets the hot-deploy folder that FileInstall watches for bundles. Without it a folder in the storage is
         * used.
         *
         * @param folder the folder
         * @return this builder
         */
        public Builder deployFolder(Path folder) {
            this.deployFolder = folder;
            return this;
        }

        /**
         * Sets a folder of configuration files ({@code pid.cfg}, {@code factoryPid-name.cfg}) that FileInstall
         * watches and feeds to Configuration Admin. The runtime only reads these files: a configuration changed
         * through the API is never written back into them.
         *
         * @param folder the folder
         * @return this builder
         */
        public Builder configurationFolder(Path folder) {
            this.configurationFolder = folder;
            return this;
        }

        /**
         * Sets a configuration to apply at start, after the features' own.
         *
         * @param pid a PID, or {@code factoryPid~name}
         * @param properties the properties
         * @return this builder
         */
        public Builder configuration(String pid, Map<String, ?> properties) {
            configurations.put(pid, new LinkedHashMap<>(properties));
            return this;
        }

        /**
         * Sets a framework launching property.
         *
         * @param key the property name
         * @param value the value
         * @return this builder
         */
        public Builder frameworkProperty(String key, String value) {
            frameworkProperties.put(key, value);
            return this;
        }

        /**
         * Sets how long the facade handle waits for a facade to be registered (default 30 s).
         *
         * @param timeout the longest wait
         * @return this builder
         */
        public Builder serviceTimeout(Duration timeout) {
            this.serviceTimeout = timeout;
            return this;
        }

        /**
         * Starts the framework and provisions the features.
         *
         * @return the started runtime
         * @throws FinrecRuntimeException naming the feature, bundle or folder that failed; the framework is stopped
         */
        public FinrecRuntime start() {
            long started = System.nanoTime();
            FeatureReader reader = new FeatureReader();
            List<URL> featureUrls = features.isEmpty()
                    ? DEFAULT_FEATURES.stream().map(FeatureReader::builtIn).toList()
                    : features;
            List<Feature> resolved = featureUrls.stream().map(reader::read).toList();
            BundleRepository repository = new BundleRepository(bundleFolders,
                    mavenRepositoryFallback ? List.of(BundleRepository.localMavenRepository()) : List.of());

            Path temporaryStorage = null;
            Path storage = storageFolder;
            StorageLock storageLock = null;
            try {
                if (storage == null) {
                    temporaryStorage = Files.createTempDirectory("finrec-runtime");
                    storage = temporaryStorage;
                }
                storageLock = StorageLock.claim(storage);
                Path deploy = deployFolder != null ? deployFolder : storage.resolve("deploy");
                Files.createDirectories(deploy);

                Map<String, String> properties = new HashMap<>();
                properties.put(Constants.FRAMEWORK_STORAGE, storage.resolve("felix-cache").toString());
                properties.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
                properties.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, ExportedPackages.sharedWithHost());
                // Without this, Felix lets JDK code running for a bundle (java.util.ServiceLoader) see the host's
                // class path, so that a bundle could load host classes it never imported.
                properties.put("felix.bootdelegation.implicit", "false");
                // recommender components are delayed, so that their training runs on the thread that obtains
                // them, not on Configuration Admin's delivery thread; kept, so that it runs once per configuration
                properties.put(DELAYED_KEEP_INSTANCES, "true");
                properties.put("felix.fileinstall.dir", deploy.toString());
                properties.put(DATA_FOLDER_PROPERTY, storage.resolve("data").toString());
                properties.put("felix.fileinstall.poll", "500");
                properties.put("felix.fileinstall.noInitialDelay", "true");
                properties.put("felix.fileinstall.log.level", "2");
                properties.put("felix.fileinstall.enableConfigSave", "false");
                properties.putAll(frameworkProperties);

                Map<String, Map<String, Object>> extra = new LinkedHashMap<>();
                if (configurationFolder != null) {
                    Files.createDirectories(configurationFolder);
                    // read-only: FileInstall would otherwise write every configuration change back into the
                    // operator's files (and truncated hand-written files while it did); only .cfg and .config
                    // files are configurations, the folder's README.txt and logback.xml are not
                    extra.put("org.apache.felix.fileinstall~configuration", Map.of(
                            "felix.fileinstall.dir", configurationFolder.toString(),
                            "felix.fileinstall.filter", ".*\\.(cfg|config)",
                            "felix.fileinstall.enableConfigSave", "false",
                            "felix.fileinstall.poll", "500",
                            "felix.fileinstall.noInitialDelay", "true"));
                }
                extra.putAll(configurations);

                FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class,
                        FinrecRuntime.class.getClassLoader()).findFirst().orElseThrow(
                                () -> new FinrecRuntimeException("no OSGi framework on the class path", null));
                Framework framework = factory.newFramework(properties);
                framework.start();
                OsgiLogForwarder logForwarder = new OsgiLogForwarder(framework.getBundleContext());
                try {
                    List<Bundle> bundles = new Provisioner(framework.getBundleContext(), repository)
                            .provision(resolved, extra);
                    FinrecRuntime runtime = new FinrecRuntime(framework, logForwarder, storageLock, temporaryStorage,
                            bundles, Duration.ofNanos(System.nanoTime() - started), serviceTimeout, deploy);
                    storageLock = null; // the runtime holds it now
                    return runtime;
                } catch (RuntimeException e) {
                    framework.stop();
                    framework.waitForStop(30_000);
                    logForwarder.close();
                    throw e;
                }
            } catch (IOException e) {
                throw new FinrecRuntimeException("cannot prepare the runtime folders under " + storage + ": "
                        + e.getMessage(), e);
            } catch (BundleException e) {
                throw new FinrecRuntimeException("cannot start the OSGi framework: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FinrecRuntimeException("interrupted while starting", e);
            } catch (RuntimeException e) {
                if (temporaryStorage != null) {
                    deleteRecursively(temporaryStorage);
                }
                throw e;
            } finally {
                if (storageLock != null) {
                    storageLock.close();
                }
            }
        }
    }
}
