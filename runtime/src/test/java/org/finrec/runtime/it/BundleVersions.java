package org.finrec.runtime.it;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.osgi.framework.Constants;
import org.osgi.framework.Version;

/** Makes new versions of a built bundle for hot-swap tests: the same content under another Bundle-Version. */
public final class BundleVersions {

    private BundleVersions() {
    }

    /**
     * Copies a bundle with its Bundle-Version replaced.
     *
     * @return {@code target}
     */
    public static Path withVersion(Path bundle, String version, Path target) throws IOException {
        try (JarInputStream in = new JarInputStream(Files.newInputStream(bundle))) {
            Manifest manifest = new Manifest(in.getManifest());
            manifest.getMainAttributes().putValue(Constants.BUNDLE_VERSION, version);
            try (OutputStream file = Files.newOutputStream(target);
                    JarOutputStream out = new JarOutputStream(file, manifest)) {
                for (JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
                    out.putNextEntry(new JarEntry(entry.getName()));
                    in.transferTo(out);
                    out.closeEntry();
                }
            }
        }
        return target;
    }

    /** The version of the {@code n}th swap, ordered after the build's own version and after every earlier swap. */
    public static String swapVersion(String buildVersion, int n) {
        Version build = Version.parseVersion(buildVersion);
        return new Version(build.getMajor(), build.getMinor(), build.getMicro(), String.format("swap%04d", n))
                .toString();
    }
}
