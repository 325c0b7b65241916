package org.finrec.experiment.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;

/**
 * One experiment's validated configuration.
 *
 * @param variants the control first, then the treatments
 * @param eligibility which requests take part; empty for all
 * @param fingerprint a digest of everything that decides allocation and guardrails, so that a restart with the same
 *     configuration is recognised as no change
 */
record ExperimentDefinition(
        String id,
        String salt,
        Optional<Filter> eligibility,
        int priority,
        List<Variant> variants,
        Optional<Variant> shadow,
        long plannedImpressions,
        Guardrails guardrails,
        String fingerprint) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    /** A variant: its name, its traffic weight and the filter that selects its recommender service. */
    record Variant(String name, int weight, String filter) {
    }

    /** When a treatment is halted automatically. */
    record Guardrails(double errorRate, double fallbackRate, double significance, long minimumImpressions,
            double mixingVariance) {
    }

    Variant control() {
        return variants.get(0);
    }

    /** The variant's index in {@link #variants()}, or -1. */
    int indexOf(String variantName) {
        for (int i = 0; i < variants.size(); i++) {
            if (variants.get(i).name().equals(variantName)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Validates a configuration.
     *
     * @param source names the configuration in error messages, such as its PID
     * @throws IllegalArgumentException naming the source, the property and the problem
     */
    static ExperimentDefinition of(ExperimentConfiguration configuration, String source) {
        String id = configuration.id();
        if (id == null || !NAME.matcher(id).matches()) {
            throw invalid(source, "id", "must be a name of letters, digits, '.', '_' or '-', got '" + id + "'");
        }
        String salt = configuration.salt() == null || configuration.salt().isEmpty() ? id : configuration.salt();
        Optional<Filter> eligibility = configuration.eligibility() == null || configuration.eligibility().isBlank()
                ? Optional.empty()
                : Optional.of(filter(configuration.eligibility(), source, "eligibility"));

        String[] specs = configuration.variants() == null ? new String[0] : configuration.variants();
        if (specs.length < 2) {
            throw invalid(source, "variants", "needs a control and at least one treatment, got " + specs.length);
        }
        List<Variant> variants = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int totalWeight = 0;
        for (int i = 0; i < specs.length; i++) {
            String property = "variants[" + i + "]";
            String[] parts = specs[i] == null ? new String[0] : specs[i].split(":", 3);
            if (parts.length != 3) {
                throw invalid(source, property, "must be name:weight:filter, got '" + specs[i] + "'");
            }
            String name = name(parts[0].trim(), source, property);
            int weight;
            try {
                weight = Integer.parseInt(parts[1].trim());
            } catch (NumberFormatException notNumber) {
                throw invalid(source, property, "weight must be a whole number, got '" + parts[1].trim() + "'");
            }
            if (weight < 0) {
                throw invalid(source, property, "weight must not be negative, got " + weight);
            }
            String filter = parts[2].trim();
            filter(filter, source, property);
            if (!names.add(name)) {
                throw invalid(source, property, "variant name '" + name + "' is used twice");
            }
            variants.add(new Variant(name, weight, filter));
            totalWeight += weight;
        }
        if (totalWeight == 0) {
            throw invalid(source, "variants", "at least one weight must be positive");
        }

        Optional<Variant> shadow = Optional.empty();
        if (configuration.shadow() != null && !configuration.shadow().isBlank()) {
            String[] parts = configuration.shadow().split(":", 2);
            if (parts.length != 2) {
                throw invalid(source, "shadow", "must be name:filter, got '" + configuration.shadow() + "'");
            }
            String name = name(parts[0].trim(), source, "shadow");
            if (names.contains(name)) {
                throw invalid(source, "shadow", "variant name '" + name + "' is already a served variant");
            }
            String filter = parts[1].trim();
            filter(filter, source, "shadow");
            shadow = Optional.of(new Variant(name, 0, filter));
        }
        if (configuration.planned_impressions() < 0) {
            throw invalid(source, "planned.impressions", "must not be negative");
        }
        Guardrails guardrails = new Guardrails(
                rate(configuration.guardrail_error_rate(), source, "guardrail.error.rate"),
                rate(configuration.guardrail_fallback_rate(), source, "guardrail.fallback.rate"),
                rate(configuration.guardrail_significance(), source, "guardrail.significance"),
                configuration.guardrail_minimum_impressions(),
                configuration.mixing_variance());
        if (guardrails.minimumImpressions() < 1) {
            throw invalid(source, "guardrail.minimum.impressions", "must be at least 1");
        }
        if (!(guardrails.mixingVariance() > 0)) {
            throw invalid(source, "mixing.variance", "must be positive");
        }
        String fingerprint = fingerprint(String.join("\n", salt, configuration.eligibility(),
                Integer.toString(configuration.priority()), String.join("\n", specs), configuration.shadow(),
                Long.toString(configuration.planned_impressions()), guardrails.toString()));
        return new ExperimentDefinition(id, salt, eligibility, configuration.priority(), List.copyOf(variants),
                shadow, configuration.planned_impressions(), guardrails, fingerprint);
    }

    private static String name(String name, String source, String property) {
        if (!NAME.matcher(name).matches()) {
            throw invalid(source, property, "variant name must be letters, digits, '.', '_' or '-', got '" + name
                    + "'");
        }
        return name;
    }

    private static Filter filter(String filter, String source, String property) {
        try {
            return FrameworkUtil.createFilter(filter);
        } catch (InvalidSyntaxException malformed) {
            throw invalid(source, property, "malformed OSGi filter '" + filter + "': " + malformed.getMessage());
        }
    }

    private static double rate(double value, String source, String property) {
        if (!(value >= 0 && value <= 1)) {
            throw invalid(source, property, "must lie in [0, 1], got " + value);
        }
        return value;
    }

    private static IllegalArgumentException invalid(String source, String property, String problem) {
        return new IllegalArgumentException(source + ": property '" + property + "' " + problem);
    }

    private static String fingerprint(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", missing);
        }
    }
}
