package org.finrec.runtime;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.osgi.framework.Constants;
import org.osgi.framework.Version;

/**
 * Makes another version of a built bundle: the same content under a new Bundle-Version. Rehearsing a hot swap
 * ({@link FinrecRuntime#replace}, {@link FinrecRuntime#deploy}) needs a second version of a bundle, and a bank's
 * build produces one only for a real change; this makes one from the build at hand, for demonstrations, tests and
 * benchmarks.
 */
public final class BundleVersions {

    private BundleVersions() {
    }

    /**
     * Copies a bundle with its Bundle-Version replaced.
     *
     * @param bundle the bundle's JAR file
     * @param version the new version, an OSGi version
     * @param target the file to write
     * @return {@code target}
     * @throws IOException if the bundle cannot be read or the target written
     */
    public static Path withVersion(Path bundle, String version, Path target) throws IOException {
        return withHeaders(bundle, Map.of(Constants.BUNDLE_VERSION, version), target);
    }

    /**
     * Copies a bundle with manifest headers set or replaced, for example a new Bundle-Version, or an Import-Package
     * that rehearses a failed update.
     *
     * @param bundle the bundle's JAR file
     * @param headers the headers to set, by name
     * @param target the file to write
     * @return {@code target}
     * @throws IOException if the bundle cannot be read or the target written
     */
    public static Path withHeaders(Path bundle, Map<String, String> headers, Path target) throws IOException {
        return withHeaders(bundle, headers, Set.of(), target);
    }

    /**
     * Copies a bundle with manifest headers set or replaced and some entries left out, for example a model file, to
     * rehearse an update whose model fails to load.
     *
     * @param bundle the bundle's JAR file
     * @param headers the headers to set, by name
     * @param leftOut the names of the entries not to copy, such as {@code model/x.onnx}
     * @param target the file to write
     * @return {@code target}
     * @throws IOException if the bundle cannot be read or the target written
     */
    public static Path withHeaders(Path bundle, Map<String, String> headers, Set<String> leftOut, Path target)
            throws IOException {
        try (JarInputStream in = new JarInputStream(Files.newInputStream(bundle))) {
            Manifest manifest = new Manifest(in.getManifest());
            headers.forEach(manifest.getMainAttributes()::putValue);
            try (OutputStream file = Files.newOutputStream(target);
                    JarOutputStream out = new JarOutputStream(file, manifest)) {
                for (JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
                    if (leftOut.contains(entry.getName())) {
                        continue;
                    }
                    out.putNextEntry(new JarEntry(entry.getName()));
                    in.transferTo(out);
                    out.closeEntry();
                }
            }
        }
        return target;
    }

    /**
     * Returns the version of the {@code n}th rehearsal swap: the build's major, minor and micro version with the
     * qualifier {@code swapNNNN}, ordered after the build's own version (qualifier SNAPSHOT or none) and after every
     * earlier swap.
     *
     * @param buildVersion the installed bundle's version
     * @param n the swap's number, from 1
     * @return the version
     */
    public static String swapVersion(String buildVersion, int n) {
        Version build = Version.parseVersion(buildVersion);
        return new Version(build.getMajor(), build.getMinor(), build.getMicro(), String.format("swap%04d", n))
                .toString();
    }
}
