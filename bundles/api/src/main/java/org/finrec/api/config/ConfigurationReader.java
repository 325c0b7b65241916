package org.finrec.api.config;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Reads typed, bounded settings from a component's configuration properties (as Declarative Services passes them
 * to an activate or modified method). A property that is absent takes the given default; one that is present must
 * parse and lie in range, or the read throws an {@link InvalidConfigurationException} naming the PID, the property
 * and the value. An empty text where a number is expected is refused, not defaulted: the operator wrote something,
 * and it was not what they meant.
 *
 * <p>Values arrive as their Java types when set through Configuration Admin's API and as text when read from a
 * {@code .cfg} file; both are accepted. Not thread-safe; use one reader per configuration.
 */
public final class ConfigurationReader {

    private static final int SHOWN_CHARACTERS = 200;

    private final String pid;
    private final Map<String, ?> properties;

    private ConfigurationReader(String pid, Map<String, ?> properties) {
        this.pid = Objects.requireNonNull(pid, "pid");
        this.properties = Objects.requireNonNull(properties, "properties");
    }

    /**
     * @param pid the PID to name in errors; when the properties carry {@code service.pid} (a factory
     *     configuration's own PID), that one is named instead
     * @param properties the component properties
     * @return a reader of those properties
     */
    public static ConfigurationReader of(String pid, Map<String, ?> properties) {
        Object servicePid = properties.get("service.pid");
        return new ConfigurationReader(servicePid instanceof String own && !own.isBlank() ? own : pid, properties);
    }

    /**
     * Reads the settings of a configuration change, as a modified method receives it: settings that pass are
     * returned to be applied; a refused change is reported and leaves nothing to apply, so the previous settings
     * keep serving.
     *
     * @param <S> the type of the settings
     * @param read reads and checks the settings, throwing {@link InvalidConfigurationException} for one out of
     *     range
     * @param refused told why the change was refused, for the component to log with what it keeps
     * @return the settings, or empty when the change was refused
     */
    public static <S> Optional<S> readChange(Supplier<S> read, Consumer<InvalidConfigurationException> refused) {
        try {
            return Optional.of(read.get());
        } catch (InvalidConfigurationException outOfRange) {
            refused.accept(outOfRange);
            return Optional.empty();
        }
    }

    /** @return the PID this reader names in its errors */
    public String pid() {
        return pid;
    }

    /**
     * @param property the property's name
     * @param defaultValue the value when the property is absent
     * @param min the smallest allowed value
     * @param max the largest allowed value
     * @return the integer value of the property, or {@code defaultValue} when absent
     * @throws InvalidConfigurationException if present and not an integer from {@code min} to {@code max}
     */
    public int integer(String property, int defaultValue, int min, int max) {
        return (int) longInteger(property, defaultValue, min, max);
    }

    /**
     * @param property the property's name
     * @param defaultValue the value when the property is absent
     * @param min the smallest allowed value
     * @param max the largest allowed value
     * @return the integer value of the property, or {@code defaultValue} when absent
     * @throws InvalidConfigurationException if present and not an integer from {@code min} to {@code max}
     */
    public long longInteger(String property, long defaultValue, long min, long max) {
        Object raw = single(property);
        if (raw == null) {
            return defaultValue;
        }
        String range = "must be an integer from " + min + " to " + max;
        long value;
        if (raw instanceof Long || raw instanceof Integer || raw instanceof Short || raw instanceof Byte) {
            value = ((Number) raw).longValue();
        } else if (raw instanceof String text) {
            try {
                value = Long.parseLong(text.trim());
            } catch (NumberFormatException notAnInteger) {
                throw new InvalidConfigurationException(pid, property, raw, range);
            }
        } else {
            throw new InvalidConfigurationException(pid, property, raw, range + " (it is a "
                    + raw.getClass().getSimpleName() + ")");
        }
        if (value < min || value > max) {
            throw new InvalidConfigurationException(pid, property, raw, range);
        }
        return value;
    }

    /**
     * @param property the property's name
     * @param defaultValue the value when the property is absent
     * @param min the smallest allowed value
     * @param max the largest allowed value
     * @return the finite number value of the property, or {@code defaultValue} when absent
     * @throws InvalidConfigurationException if present and not a finite number from {@code min} to {@code max}
     */
    public double number(String property, double defaultValue, double min, double max) {
        Object raw = single(property);
        if (raw == null) {
            return defaultValue;
        }
        String range = "must be a number from " + min + " to " + max;
        double value;
        if (raw instanceof Number number) {
            value = number.doubleValue();
        } else if (raw instanceof String text) {
            try {
                value = Double.parseDouble(text.trim());
            } catch (NumberFormatException notANumber) {
                throw new InvalidConfigurationException(pid, property, raw, range);
            }
        } else {
            throw new InvalidConfigurationException(pid, property, raw, range + " (it is a "
                    + raw.getClass().getSimpleName() + ")");
        }
        if (!(value >= min && value <= max)) { // also refuses NaN
            throw new InvalidConfigurationException(pid, property, raw, range);
        }
        return value;
    }

    /**
     * @param property the property's name
     * @param defaultValue the value when the property is absent
     * @return the property's text, trimmed, or {@code defaultValue} when absent
     * @throws InvalidConfigurationException if present and blank
     */
    public String text(String property, String defaultValue) {
        Object raw = single(property);
        if (raw == null) {
            return defaultValue;
        }
        String value = raw.toString().trim();
        if (value.isEmpty()) {
            throw new InvalidConfigurationException(pid, property, raw, "must not be empty");
        }
        return value;
    }

    /**
     * @param property the property's name
     * @param defaultValue the value when the property is absent
     * @return the property's text, trimmed, or {@code defaultValue} when absent; an empty text is allowed
     */
    public String optionalText(String property, String defaultValue) {
        Object raw = single(property);
        return raw == null ? defaultValue : raw.toString().trim();
    }

    /**
     * @param property the property's name
     * @param defaultValues the values when the property is absent
     * @return the property's values, each trimmed, with empty ones left out, or {@code defaultValues} when absent;
     *     a single text is one value
     */
    public List<String> texts(String property, List<String> defaultValues) {
        Object raw = properties.get(property);
        if (raw == null) {
            return defaultValues;
        }
        List<String> values = new ArrayList<>();
        for (Object element : elements(raw)) {
            String value = String.valueOf(element).trim();
            if (!value.isEmpty()) {
                values.add(value);
            }
        }
        return List.copyOf(values);
    }

    /**
     * @param property the property's name
     * @param defaultValue the value when the property is absent
     * @return whether the property is true, or {@code defaultValue} when absent
     * @throws InvalidConfigurationException if present and neither {@code true} nor {@code false}
     */
    public boolean flag(String property, boolean defaultValue) {
        Object raw = single(property);
        if (raw == null) {
            return defaultValue;
        }
        if (raw instanceof Boolean value) {
            return value;
        }
        String value = raw.toString().trim();
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw new InvalidConfigurationException(pid, property, raw, "must be true or false");
    }

    /**
     * @param <E> the type of the choices
     * @param property the property's name
     * @param type the enum of the choices, whose constant names are the values allowed (case-insensitive)
     * @param defaultValue the value when the property is absent
     * @return the chosen constant, or {@code defaultValue} when absent
     * @throws InvalidConfigurationException if present and not the name of one of the constants
     */
    public <E extends Enum<E>> E choice(String property, Class<E> type, E defaultValue) {
        Object raw = single(property);
        return raw == null ? defaultValue : constant(property, type, raw, raw);
    }

    /**
     * @param <E> the type of the choices
     * @param property the property's name
     * @param type the enum of the choices, whose constant names are the values allowed (case-insensitive)
     * @param defaultValues the values when the property is absent
     * @return the chosen constants, in the order written and without repeats, or {@code defaultValues} when absent;
     *     a single text may list them separated by commas
     * @throws InvalidConfigurationException if present and empty or naming anything but the constants
     */
    public <E extends Enum<E>> Set<E> choices(String property, Class<E> type, Set<E> defaultValues) {
        Object raw = properties.get(property);
        if (raw == null) {
            return defaultValues;
        }
        Set<E> chosen = new LinkedHashSet<>();
        for (Object element : elements(raw)) {
            for (String part : String.valueOf(element).split(",")) {
                if (!part.isBlank()) {
                    chosen.add(constant(property, type, raw, part));
                }
            }
        }
        if (chosen.isEmpty()) {
            throw new InvalidConfigurationException(pid, property, raw, "must name at least one of "
                    + Arrays.toString(type.getEnumConstants()));
        }
        return Collections.unmodifiableSet(chosen);
    }

    private <E extends Enum<E>> E constant(String property, Class<E> type, Object raw, Object name) {
        if (type.isInstance(name)) {
            return type.cast(name);
        }
        String wanted = String.valueOf(name).trim();
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(wanted)) {
                return constant;
            }
        }
        throw new InvalidConfigurationException(pid, property, raw, "must be one of "
                + Arrays.toString(type.getEnumConstants()));
    }

    /** The one value of a property, or null when absent; a list of several values is refused. */
    private Object single(String property) {
        Object raw = properties.get(property);
        if (raw == null || !(raw instanceof Collection<?> || raw.getClass().isArray())) {
            return raw;
        }
        List<?> values = elements(raw);
        if (values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw new InvalidConfigurationException(pid, property, raw, "must be one value, not " + values.size());
        }
        return values.get(0);
    }

    private static List<?> elements(Object raw) {
        if (raw instanceof Collection<?> collection) {
            return new ArrayList<>(collection);
        }
        if (raw.getClass().isArray()) {
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < Array.getLength(raw); i++) {
                values.add(Array.get(raw, i));
            }
            return values;
        }
        return List.of(raw);
    }

    /** A value as an operator would write it, shortened and with control characters made visible. */
    static String display(Object value) {
        String text = value instanceof Object[] array ? Arrays.toString(array)
                : value.getClass().isArray() ? elements(value).toString() : String.valueOf(value);
        StringBuilder shown = new StringBuilder();
        text.codePoints().limit(SHOWN_CHARACTERS).forEach(codePoint -> {
            if (Character.isISOControl(codePoint)) {
                shown.append(String.format("\\u%04x", codePoint));
            } else {
                shown.appendCodePoint(codePoint);
            }
        });
        return text.codePointCount(0, text.length()) > SHOWN_CHARACTERS ? shown + "..." : shown.toString();
    }
}
