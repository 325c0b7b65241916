package org.finrec.api.config;

import java.util.Objects;

/**
 * A configuration property that cannot be applied: its value is malformed, out of range or missing. The message
 * names the PID, the property, the value as it arrived and what is allowed, so that an operator can find and fix
 * the setting from the log line alone.
 */
public final class InvalidConfigurationException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String pid;
    private final String property;
    private final String value;

    /**
     * @param pid the configuration's PID (or factory PID and name) as the component knows it
     * @param property the property's name
     * @param value the value as it arrived, or null when it is missing
     * @param problem what is wrong and what is allowed, for example {@code "must be an integer from 1 to 1000"}
     */
    public InvalidConfigurationException(String pid, String property, Object value, String problem) {
        super("Configuration " + pid + ": property " + property + " = "
                + (value == null ? "(missing)" : "'" + ConfigurationReader.display(value) + "'") + " " + problem);
        this.pid = Objects.requireNonNull(pid, "pid");
        this.property = Objects.requireNonNull(property, "property");
        this.value = value == null ? null : ConfigurationReader.display(value);
    }

    /** @return the PID of the refused configuration */
    public String pid() {
        return pid;
    }

    /** @return the refused property */
    public String property() {
        return property;
    }

    /** @return the value as it arrived, or null when it was missing */
    public String value() {
        return value;
    }
}
