package org.finrec.runtime.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.jar.Manifest;
import org.finrec.runtime.FinrecRuntimeException;

/**
 * Reads the {@code Export-Package} header of the bundle JAR (or classes folder) on the host's class path that
 * contains a class, so that the system bundle can export exactly those packages at exactly those versions.
 */
public final class ExportedPackages {

    private ExportedPackages() {
    }

    /**
     * Returns what the system bundle exports from the host's class path: the Finrec API, the Configuration Admin,
     * Declarative Services and Log Service APIs (the host configures components, reads their failures and reads
     * the OSGi log) with the Promise and Function APIs that Declarative Services' API uses, and slf4j (the bundles
     * log into the host's own logging).
     *
     * @return an {@code Export-Package} header value
     */
    public static String sharedWithHost() {
        return String.join(",", of(org.finrec.api.Customer.class), of(org.osgi.service.cm.ConfigurationAdmin.class),
                of(org.osgi.service.component.runtime.ServiceComponentRuntime.class),
                of(org.osgi.util.promise.Promise.class), of(org.osgi.util.function.Function.class),
                of(org.osgi.service.log.LogReaderService.class), of(org.slf4j.LoggerFactory.class));
    }

    /**
     * Returns the exports of the bundle that contains a class.
     *
     * @param type a class of the bundle
     * @return the {@code Export-Package} header value
     * @throws FinrecRuntimeException if the class does not come from a bundle with exports
     */
    public static String of(Class<?> type) {
        String classFile = type.getName().replace('.', '/') + ".class";
        URL classUrl = type.getClassLoader().getResource(classFile);
        if (classUrl == null) {
            throw new FinrecRuntimeException("cannot locate " + classFile + " on the class path", null);
        }
        String base = classUrl.toString();
        base = base.substring(0, base.length() - classFile.length());
        try (InputStream in = new URL(base + "META-INF/MANIFEST.MF").openStream()) {
            String exports = new Manifest(in).getMainAttributes().getValue("Export-Package");
            if (exports == null || exports.isBlank()) {
                throw new FinrecRuntimeException(base + " has no Export-Package header: it is not the bundle that "
                        + "defines " + type.getName(), null);
            }
            return exports;
        } catch (IOException e) {
            throw new FinrecRuntimeException("cannot read the manifest of " + base + ": " + e.getMessage(), e);
        }
    }
}
