package org.finrec.api.model.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of Finrec this api bundle belongs to, as the build recorded it in {@value #RESOURCE}. */
public final class FinrecBuild {

    static final String RESOURCE = "finrec-build.properties";

    private FinrecBuild() {
    }

    /**
     * Returns the api bundle's version.
     *
     * @return the build's project version
     *
     * @throws IllegalStateException when the build did not record it
     */
    public static String version() {
        Properties properties = new Properties();
        try (InputStream in = FinrecBuild.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the api bundle");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        String version = properties.getProperty("version", "");
        if (version.isBlank() || version.startsWith("${")) {
            throw new IllegalStateException(RESOURCE + " does not hold the build's version: " + version);
        }
        return version;
    }
}
