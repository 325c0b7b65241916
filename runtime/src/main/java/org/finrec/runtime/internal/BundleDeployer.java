package org.finrec.runtime.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.finrec.runtime.FinrecRuntimeException;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.Version;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * Installs, replaces and removes bundles in a running framework without a gap in service.
 *
 * <p>A replacement runs the new version side by side with the old: the new version is installed and started, the
 * deployer waits until it has taken over (every bundle that uses a service of the old version uses the new
 * version's counterpart as well), and only then removes the old version. The facade routes to the newest
 * registration as soon as it has bound it, and lets calls on a departing service finish before the old bundle
 * stops, so no call fails and every response comes from the old or the new version. When the new version does not
 * start, or does not take over in time, it is removed again and the old version keeps serving.
 *
 * <p>Two routes do the same: through the framework ({@link #replace}) and through FileInstall's deploy folder
 * ({@link #deploy}), where files are written atomically (a temporary name, then an atomic move) so that FileInstall
 * never sees half a file.
 */
public final class BundleDeployer {

    private static final long POLL_MILLIS = 5;
    private static final long MAX_TAKEOVER_POLL_MILLIS = 250;

    private final BundleContext context;
    private final Path deployFolder;
    private final Duration timeout;

    /**
     * @param deployFolder the folder FileInstall watches
     * @param timeout how long a new version may take to register its services, and an old one to go
     */
    public BundleDeployer(BundleContext context, Path deployFolder, Duration timeout) {
        this.context = context;
        this.deployFolder = deployFolder;
        this.timeout = timeout;
    }

    /** A bundle file's symbolic name and version, read from its manifest. */
    record Identity(String symbolicName, Version version) {

        static Identity of(Path bundleFile) {
            try (JarFile jar = new JarFile(bundleFile.toFile())) {
                Manifest manifest = jar.getManifest();
                Attributes main = manifest == null ? new Attributes() : manifest.getMainAttributes();
                String name = main.getValue(Constants.BUNDLE_SYMBOLICNAME);
                if (name == null) {
                    throw new FinrecRuntimeException(bundleFile + ": not an OSGi bundle (its manifest has no "
                            + Constants.BUNDLE_SYMBOLICNAME + ")", null);
                }
                return new Identity(name.split(";", 2)[0].trim(),
                        Version.parseVersion(main.getValue(Constants.BUNDLE_VERSION)));
            } catch (IOException | IllegalArgumentException unreadable) {
                throw new FinrecRuntimeException(bundleFile + ": cannot read the bundle's manifest: "
                        + unreadable.getMessage(), unreadable);
            }
        }

        @Override
        public String toString() {
            return symbolicName + " " + version;
        }
    }

    /** Installs and starts a bundle; on failure nothing stays installed. */
    public Bundle install(Path bundleFile) {
        Identity identity = Identity.of(bundleFile);
        Bundle bundle;
        try (InputStream content = Files.newInputStream(bundleFile)) {
            bundle = context.installBundle("finrec:" + identity.symbolicName() + "/" + identity.version(), content);
        } catch (IOException | BundleException failure) {
            throw new FinrecRuntimeException("cannot install " + identity + " from " + bundleFile + ": "
                    + failure.getMessage(), failure);
        }
        try {
            bundle.start();
        } catch (BundleException | RuntimeException failure) {
            uninstallQuietly(bundle);
            throw new FinrecRuntimeException("cannot start " + identity + " from " + bundleFile + "; it was "
                    + "removed again: " + failure.getMessage(), failure);
        }
        return bundle;
    }

    /**
     * Replaces the installed versions of a bundle with the one in the file, side by side.
     *
     * @return the new bundle
     * @throws FinrecRuntimeException if the new version cannot start or register its services in time; the old
     *     version then still serves
     */
    public Bundle replace(Path bundleFile) {
        Identity identity = Identity.of(bundleFile);
        List<Bundle> old = installed(identity.symbolicName());
        if (old.stream().anyMatch(bundle -> bundle.getVersion().equals(identity.version()))) {
            throw new FinrecRuntimeException(identity + " is already installed; a replacement must carry a new "
                    + "Bundle-Version so that both can run side by side during the switch", null);
        }
        Bundle replacement = install(bundleFile);
        try {
            awaitTakeover(old, replacement);
        } catch (FinrecRuntimeException notReady) {
            uninstallQuietly(replacement);
            throw notReady;
        }
        remove(old);
        return replacement;
    }

    /**
     * Removes every installed version of a bundle.
     *
     * @return how many versions were removed
     */
    public int uninstall(String symbolicName) {
        List<Bundle> bundles = installed(symbolicName);
        remove(bundles);
        return bundles.size();
    }

    /**
     * Removes bundles and waits until they are gone. A bundle that FileInstall installed from the deploy folder is
     * removed by deleting its file (uninstalling it directly would make FileInstall install the file again); any
     * other is uninstalled.
     */
    private void remove(List<Bundle> bundles) {
        String deployPath = deployFolder.toAbsolutePath().toString();
        for (Bundle bundle : bundles) {
            String location = bundle.getLocation();
            if (location.contains(deployPath)) {
                deleteQuietly(Path.of(URI.create(location)));
            } else {
                try {
                    bundle.uninstall();
                } catch (BundleException | IllegalStateException failure) {
                    throw new FinrecRuntimeException("cannot uninstall " + bundle.getSymbolicName() + " "
                            + bundle.getVersion() + ": " + failure.getMessage(), failure);
                }
            }
        }
        awaitGone(bundles);
        releaseRemoved(bundles);
    }

    /**
     * Lets the framework drop the class loaders of uninstalled bundles. Recommender bundles export nothing, so this
     * refresh touches no other bundle.
     */
    private void releaseRemoved(List<Bundle> uninstalled) {
        if (!uninstalled.isEmpty()) {
            context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class)
                    .refreshBundles(uninstalled);
        }
    }

    /**
     * Deploys a bundle through the deploy folder: writes it there atomically under a name of its own version, waits
     * until FileInstall has started it and it registered as many services as the version it replaces, then deletes
     * the files of other versions of the same bundle and waits until FileInstall has removed them.
     *
     * @return the deployed file
     * @throws FinrecRuntimeException if the new version does not come up in time; its file is then deleted and the
     *     old version still serves
     */
    public Path deploy(Path bundleFile) {
        Identity identity = Identity.of(bundleFile);
        List<Bundle> old = installed(identity.symbolicName());
        if (old.stream().anyMatch(bundle -> bundle.getVersion().equals(identity.version()))) {
            throw new FinrecRuntimeException(identity + " is already installed; a replacement must carry a new "
                    + "Bundle-Version", null);
        }
        Path target = deployFolder.resolve(identity.symbolicName() + "-" + identity.version() + ".jar");
        writeAtomically(bundleFile, target);
        try {
            Bundle replacement = awaitInstalled(identity);
            awaitTakeover(old, replacement);
        } catch (FinrecRuntimeException notReady) {
            deleteQuietly(target);
            throw notReady;
        }
        remove(old);
        return target;
    }

    private void writeAtomically(Path source, Path target) {
        Path temporary = deployFolder.resolve("." + target.getFileName() + ".part");
        try {
            Files.copy(source, temporary, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException failure) {
            deleteQuietly(temporary);
            throw new FinrecRuntimeException("cannot write " + target + ": " + failure.getMessage(), failure);
        }
    }

    private List<Bundle> installed(String symbolicName) {
        List<Bundle> bundles = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName()) && bundle.getState() != Bundle.UNINSTALLED) {
                bundles.add(bundle);
            }
        }
        return bundles;
    }

    private Bundle awaitInstalled(Identity identity) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (Bundle bundle : installed(identity.symbolicName())) {
                if (bundle.getVersion().equals(identity.version()) && bundle.getState() == Bundle.ACTIVE) {
                    return bundle;
                }
            }
            pause();
        }
        throw new FinrecRuntimeException(identity + " was not started from " + deployFolder + " within "
                + timeout.toMillis() + " ms; is FileInstall running?", null);
    }

    /**
     * Waits until the replacement has taken over: it is active, and for every service of an old version the
     * replacement registered a service of the same kind (same object classes and configuration PID, or component
     * name) that can be obtained (its component activated) and that the bundles using the old one use too. "Registered" is not enough: a consumer binds a new
     * service a little later (Declarative Services does it on its own threads), and removing the old version
     * before that would leave the consumer without one for a moment.
     */
    private void awaitTakeover(List<Bundle> old, Bundle replacement) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String missing;
        long pauseMillis = POLL_MILLIS;
        while ((missing = notYetTakenOver(old, replacement)) != null) {
            if (System.nanoTime() >= deadline) {
                throw new FinrecRuntimeException(replacement.getSymbolicName() + " " + replacement.getVersion()
                        + " did not take over within " + timeout.toMillis() + " ms (" + missing + "); it was "
                        + "removed and the old version still serves", null);
            }
            // backs off: each look may ask a component that failed to activate to try again (and load its model)
            pause(pauseMillis);
            pauseMillis = Math.min(pauseMillis * 2, MAX_TAKEOVER_POLL_MILLIS);
        }
    }

    /** What the replacement does not provide yet, or null once it has taken over. */
    private String notYetTakenOver(List<Bundle> old, Bundle replacement) {
        if (replacement.getState() != Bundle.ACTIVE) {
            return "it is not active";
        }
        ServiceReference<?>[] offered = replacement.getRegisteredServices();
        for (Bundle oldBundle : old) {
            ServiceReference<?>[] services = oldBundle.getRegisteredServices();
            for (ServiceReference<?> service : services == null ? new ServiceReference<?>[0] : services) {
                Set<Bundle> users = users(service, oldBundle, replacement);
                boolean covered = offered != null && Arrays.stream(offered)
                        .anyMatch(candidate -> sameKind(service, candidate)
                                && users(candidate, oldBundle, replacement).containsAll(users)
                                && obtainable(candidate));
                if (!covered) {
                    return "no service like " + describe(service) + (users.isEmpty() ? ""
                            : " that the " + users.size() + " bundles using the old one use");
                }
            }
        }
        return null;
    }

    /**
     * Whether the service can be obtained: Declarative Services registers a component's service before it activates
     * the component, and a component whose activation fails (say, its model does not load) then yields nothing.
     */
    private boolean obtainable(ServiceReference<?> service) {
        try {
            return context.getService(service) != null;
        } finally {
            context.ungetService(service);
        }
    }

    private static Set<Bundle> users(ServiceReference<?> service, Bundle oldBundle, Bundle replacement) {
        Bundle[] using = service.getUsingBundles();
        Set<Bundle> users = new HashSet<>(using == null ? List.of() : Arrays.asList(using));
        users.remove(oldBundle);
        users.remove(replacement);
        return users;
    }

    private static boolean sameKind(ServiceReference<?> a, ServiceReference<?> b) {
        return Arrays.equals((String[]) a.getProperty(Constants.OBJECTCLASS),
                (String[]) b.getProperty(Constants.OBJECTCLASS))
                && Objects.equals(identity(a), identity(b));
    }

    /** What tells two versions' services apart: the configuration PID, else the component name. */
    private static Object identity(ServiceReference<?> service) {
        Object pid = service.getProperty(Constants.SERVICE_PID);
        return pid != null ? pid : service.getProperty("component.name");
    }

    private static String describe(ServiceReference<?> service) {
        return Arrays.toString((String[]) service.getProperty(Constants.OBJECTCLASS)) + " " + identity(service);
    }

    private void awaitGone(List<Bundle> bundles) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (bundles.stream().anyMatch(bundle -> bundle.getState() != Bundle.UNINSTALLED)) {
            if (System.nanoTime() >= deadline) {
                throw new FinrecRuntimeException("the old version was not removed within " + timeout.toMillis()
                        + " ms (a bundle deployed through " + deployFolder + " goes when FileInstall notices its "
                        + "file is gone)", null);
            }
            pause();
        }
    }

    private static void pause() {
        pause(POLL_MILLIS);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new FinrecRuntimeException("interrupted while deploying", interrupted);
        }
    }

    private static void uninstallQuietly(Bundle bundle) {
        try {
            bundle.uninstall();
        } catch (BundleException | IllegalStateException ignored) {
            // already gone
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // FileInstall ignores a stray file it cannot read
        }
    }
}
