package org.finrec.deploy.internal;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.apache.felix.fileinstall.ArtifactInstaller;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stands in front of FileInstall's own bundle installer for the deploy folder (framework property
 * {@code felix.fileinstall.dir}): FileInstall asks every registered {@link ArtifactInstaller} before its own, so a
 * jar this guard claims is never installed. It claims, and reports as an error with the file and the reason, every
 * jar that the {@link DeployPolicy} refuses, and reports files that are not bundles at all, which FileInstall
 * would skip without a word. Jars it does not claim are installed by FileInstall as before. Configuration files
 * ({@code .cfg}, {@code .config}) and files of other watched folders are left to FileInstall.
 *
 * <p>Because a claimed copy of a core bundle is never installed, FileInstall never takes the core bundle for its
 * own: removing the copy from the folder leaves the core bundle installed. When the policy changes, bundles
 * already installed from the folder that it now refuses are uninstalled.
 */
@Component(service = ArtifactInstaller.class, configurationPid = DeployFolderGuard.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true)
@Designate(ocd = DeployPolicyConfiguration.class)
public final class DeployFolderGuard implements ArtifactInstaller {

    static final String PID = "org.finrec.deploy";
    static final String DEPLOY_FOLDER_PROPERTY = "felix.fileinstall.dir";

    private static final Logger LOG = LoggerFactory.getLogger(DeployFolderGuard.class);

    private final BundleContext context;
    private final Path deployFolder;
    private volatile DeployPolicy policy;

    @Activate
    public DeployFolderGuard(DeployPolicyConfiguration configuration, BundleContext context) {
        this.context = context;
        String folder = context.getProperty(DEPLOY_FOLDER_PROPERTY);
        this.deployFolder = folder == null || folder.isBlank() ? null : canonical(Path.of(folder));
        this.policy = policy(configuration);
        LOG.info("Deploy folder {}: allowed.symbolic.names={}, replaceable.symbolic.names={}", deployFolder,
                policy.allowed(), policy.replaceable());
    }

    private static DeployPolicy policy(DeployPolicyConfiguration configuration) {
        return new DeployPolicy(new SymbolicNamePatterns(List.of(configuration.allowed_symbolic_names())),
                new SymbolicNamePatterns(List.of(configuration.replaceable_symbolic_names())));
    }

    /** Applies a changed policy and uninstalls the bundles installed from the deploy folder that it refuses. */
    @Modified
    void modified(DeployPolicyConfiguration configuration) {
        DeployPolicy changed = policy(configuration);
        policy = changed;
        LOG.info("Deploy policy changed: allowed.symbolic.names={}, replaceable.symbolic.names={}",
                changed.allowed(), changed.replaceable());
        Set<String> provisioned = provisionedSymbolicNames();
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getSymbolicName() != null && inDeployFolder(bundle)) {
                Optional<String> refusal = changed.refusal(bundle.getSymbolicName(), provisioned);
                if (refusal.isPresent()) {
                    LOG.error("Uninstalling {} {} ({}): {}", bundle.getSymbolicName(), bundle.getVersion(),
                            bundle.getLocation(), refusal.get());
                    try {
                        bundle.uninstall();
                    } catch (BundleException | IllegalStateException e) {
                        LOG.error("Could not uninstall {}: {}", bundle.getLocation(), e.getMessage(), e);
                    }
                }
            }
        }
    }

    @Override
    public boolean canHandle(File artifact) {
        if (deployFolder == null || !deployFolder.equals(canonical(artifact.toPath()).getParent())
                || isConfiguration(artifact) || artifact.getName().startsWith(".")) {
            // hidden files are work in progress (the runtime's own deployer writes ".name.part" and then moves it)
            return false;
        }
        return problem(artifact).isPresent();
    }

    @Override
    public void install(File artifact) {
        problem(artifact).ifPresent(problem -> LOG.error("Not installing {}: {}", artifact, problem));
    }

    @Override
    public void update(File artifact) {
        install(artifact);
    }

    @Override
    public void uninstall(File artifact) {
        LOG.info("{} left the deploy folder or changed; it was never installed, so nothing is uninstalled",
                artifact);
    }

    /** Why a file in the deploy folder must not be installed, or empty when FileInstall may install it. */
    private Optional<String> problem(File artifact) {
        String symbolicName;
        try (JarFile jar = new JarFile(artifact)) {
            Manifest manifest = jar.getManifest();
            symbolicName = manifest == null ? null : manifest.getMainAttributes().getValue(Constants.BUNDLE_SYMBOLICNAME);
        } catch (IOException | SecurityException notAJar) {
            return Optional.of("it cannot be read as a jar (" + notAJar.getMessage() + "); the deploy folder takes"
                    + " OSGi bundles only (a file still being copied is looked at again when it changes; copy to a"
                    + " hidden name and rename to avoid this)");
        }
        if (symbolicName == null || symbolicName.isBlank()) {
            return Optional.of("it is a jar without a Bundle-SymbolicName, not an OSGi bundle");
        }
        return policy.refusal(symbolicName.split(";", 2)[0].trim(), provisionedSymbolicNames());
    }

    /** The symbolic names of the bundles installed from anywhere but the deploy folder. */
    private Set<String> provisionedSymbolicNames() {
        Set<String> names = new HashSet<>();
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getBundleId() != 0 && bundle.getSymbolicName() != null && !inDeployFolder(bundle)) {
                names.add(bundle.getSymbolicName());
            }
        }
        return names;
    }

    private boolean inDeployFolder(Bundle bundle) {
        if (deployFolder == null) {
            return false;
        }
        try {
            URI location = URI.create(bundle.getLocation());
            return "file".equals(location.getScheme())
                    && deployFolder.equals(canonical(Path.of(location)).getParent());
        } catch (IllegalArgumentException notAFileLocation) {
            return false;
        }
    }

    private static boolean isConfiguration(File artifact) {
        String name = artifact.getName();
        return name.endsWith(".cfg") || name.endsWith(".config");
    }

    private static Path canonical(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        try {
            return absolute.toRealPath();
        } catch (IOException notThere) {
            return absolute;
        }
    }
}
