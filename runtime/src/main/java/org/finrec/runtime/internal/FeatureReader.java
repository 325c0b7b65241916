package org.finrec.runtime.internal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ServiceLoader;
import org.finrec.runtime.FinrecRuntimeException;
import org.osgi.service.feature.Feature;
import org.osgi.service.feature.FeatureService;

/**
 * Reads OSGi Feature JSON files with the Feature Service implementation found on the host's class path
 * (Apache Felix Feature), before any framework exists.
 */
public final class FeatureReader {

    /** Class-path folder of the features that the {@code finrec-features} artifact ships. */
    public static final String BUILT_IN_FOLDER = "org/finrec/features/";

    private final FeatureService featureService;

    /**
     * Loads the Feature Service implementation.
     *
     * @throws FinrecRuntimeException if none is on the class path
     */
    public FeatureReader() {
        this.featureService = ServiceLoader.load(FeatureService.class, FeatureReader.class.getClassLoader())
                .findFirst()
                .orElseThrow(() -> new FinrecRuntimeException("no org.osgi.service.feature.FeatureService "
                        + "implementation on the class path (add org.apache.felix:org.apache.felix.feature)", null));
    }

    /**
     * Resolves the URL of a built-in feature by name.
     *
     * @param name a feature name such as "platform" or "core"
     * @return the JSON file's URL
     * @throws FinrecRuntimeException if no such feature is on the class path
     */
    public static URL builtIn(String name) {
        URL url = FeatureReader.class.getClassLoader().getResource(BUILT_IN_FOLDER + name + ".json");
        if (url == null) {
            throw new FinrecRuntimeException("no built-in feature '" + name + "' (looked for " + BUILT_IN_FOLDER
                    + name + ".json on the class path)", null);
        }
        return url;
    }

    /**
     * Reads a feature.
     *
     * @param url the JSON file
     * @return the feature
     * @throws FinrecRuntimeException if the file cannot be read or is not a valid feature
     */
    public Feature read(URL url) {
        try (Reader reader = new InputStreamReader(url.openStream(), StandardCharsets.UTF_8)) {
            return featureService.readFeature(reader);
        } catch (IOException | RuntimeException e) {
            throw new FinrecRuntimeException("cannot read feature " + url + ": " + e.getMessage(), e);
        }
    }
}
