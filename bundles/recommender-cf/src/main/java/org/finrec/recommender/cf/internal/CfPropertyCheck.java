package org.finrec.recommender.cf.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.finrec.api.InteractionKind;

/**
 * Checks one configuration of a collaborative-filtering factory PID as it arrives, and collects every error: a
 * value out of its range, a value that does not convert, and a property that belongs to another algorithm or to
 * the single {@code org.finrec.recommender.cf} PID this bundle had before (its {@code algorithm}, and
 * {@code adoption.kinds}, the old name of {@code positive.kinds}). {@link #done} refuses the configuration with
 * one message that names the configuration's PID and, for each error, the property, the value and what is
 * allowed, for example {@code configuration org.finrec.recommender.cf.als~main refused: factors = 0 is out of
 * range (an integer in 1..1024)}.
 *
 * <p>A property this bundle does not know at all (FileInstall's file name, Configuration Admin's own, a service
 * ranking) is left alone: only properties that once meant something to a CF component are refused, so that an
 * old configuration never silently trains with defaults.
 */
final class CfPropertyCheck {

    /** The properties of the algorithms, each of which some other algorithm refuses. */
    static final Set<String> ALGORITHM_PROPERTIES = Set.of("similarity", "neighbours", "factors", "iterations",
            "regularization", "alpha", "learning.rate", "epochs", "seed", "threads");

    private final String factoryPid;
    private final String pid;
    private final Map<String, ?> properties;
    private final List<String> errors = new ArrayList<>();

    /**
     * Starts checking a configuration.
     *
     * @param factoryPid the component's factory PID
     * @param properties the component properties, as Declarative Services passes them (with {@code service.pid})
     * @param own the algorithm properties of this factory PID; the other ones of {@link #ALGORITHM_PROPERTIES}
     *     are refused
     */
    CfPropertyCheck(String factoryPid, Map<String, ?> properties, Set<String> own) {
        this.factoryPid = factoryPid;
        this.properties = properties;
        Object servicePid = properties.get("service.pid");
        this.pid = servicePid == null ? factoryPid : servicePid.toString();
        if (properties.containsKey("algorithm")) {
            errors.add("algorithm = " + properties.get("algorithm") + " is no longer a property: the factory PID"
                    + " chooses the algorithm (" + CfComponents.PIDS + ")");
        }
        if (properties.containsKey("adoption.kinds")) {
            errors.add("adoption.kinds = " + properties.get("adoption.kinds") + " is the old name of"
                    + " positive.kinds; rename it");
        }
        Set<String> foreign = new TreeSet<>(ALGORITHM_PROPERTIES);
        foreign.removeAll(own);
        for (String property : foreign) {
            if (properties.containsKey(property)) {
                errors.add(property + " = " + properties.get(property) + " does not apply to " + factoryPid
                        + " (its properties: " + new TreeSet<>(own) + ")");
            }
        }
    }

    /** The PID of the configuration checked: its {@code service.pid}, or the factory PID when it has none. */
    String pid() {
        return pid;
    }

    /**
     * Reads an integer property and checks its range.
     *
     * @return the value, or {@code min} (never used: {@link #setup} then throws) when it is refused
     */
    int integer(String property, Supplier<Integer> value, int min, int max) {
        Integer read = read(property, value, "an integer in " + min + ".." + max);
        if (read == null || read < min || read > max) {
            if (read != null) {
                refuse(property, read, "an integer in " + min + ".." + max);
            }
            return min;
        }
        return read;
    }

    /**
     * Reads a finite number property that must be above {@code min} ({@code inclusive}: at least it).
     *
     * @return the value, or a number above {@code min} (never used: {@link #setup} then throws) when it is refused
     */
    double number(String property, Supplier<Double> value, double min, boolean inclusive) {
        String allowed = "a finite number " + (inclusive ? ">= " : "> ") + min;
        Double read = read(property, value, allowed);
        if (read == null || !(Double.isFinite(read) && (inclusive ? read >= min : read > min))) {
            if (read != null) {
                refuse(property, read, allowed);
            }
            return Math.max(1, min + 1);
        }
        return read;
    }

    /**
     * Reads any other property (an enum, a long, an array), refusing one that does not convert.
     *
     * @return the value, or {@code fallback} (never used: {@link #setup} then throws) when it is refused
     */
    <T> T value(String property, Supplier<T> value, String allowed, T fallback) {
        T read = read(property, value, allowed);
        return read == null ? fallback : read;
    }

    /**
     * Reads the {@code positive.kinds} property, common to every algorithm.
     *
     * @return the kinds, empty when refused
     */
    Set<InteractionKind> positiveKinds(Supplier<InteractionKind[]> value) {
        return Set.of(value("positive.kinds", value, "interaction kinds such as PURCHASE,HOLD",
                new InteractionKind[0]));
    }

    /**
     * Refuses the configuration if any error was found, else returns what it configures.
     *
     * @param name the {@code finrec.recommender.name} property
     * @param settings the algorithm's settings read through this check
     * @param datasetTarget the {@code dataset.target} property
     * @param modelStore the {@code model.store} property
     * @param modelVersion the {@code model.version} property
     * @return the configuration, checked
     * @throws IllegalArgumentException naming the PID and every refused property with its value and range
     */
    CfSetup setup(String name, CfSettings settings, String datasetTarget, String modelStore, String modelVersion) {
        if (name == null || name.isBlank()) {
            errors.add("finrec.recommender.name = \"" + name + "\" is out of range (a name that is not blank)");
        }
        done();
        return new CfSetup(pid, name, settings, datasetTarget, modelStore, modelVersion);
    }

    /** Refuses a value that converts but is not allowed. */
    void refuse(String property, Object value, String allowed) {
        errors.add(property + " = " + value + " is out of range (" + allowed + ")");
    }

    /**
     * Refuses the configuration if any error was found.
     *
     * @throws IllegalArgumentException naming the PID and every refused property with its value and range
     */
    void done() {
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("configuration " + pid + " refused: " + String.join("; ", errors));
        }
    }

    private <T> T read(String property, Supplier<T> value, String allowed) {
        T read;
        try {
            read = value.get(); // Declarative Services converts lazily: "abc" for an int fails here
        } catch (RuntimeException e) {
            read = null;
        }
        if (read == null) { // every attribute has a default, so null too means the value did not convert
            errors.add(property + " = " + properties.get(property) + " does not convert (" + allowed + ")");
        }
        return read;
    }
}
