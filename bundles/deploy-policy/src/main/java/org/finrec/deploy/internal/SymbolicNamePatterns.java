package org.finrec.deploy.internal;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.regex.Pattern;

/**
 * Bundle-SymbolicName patterns in which {@code *} matches any run of characters and everything else matches
 * itself, for example {@code org.finrec.recommender.*}.
 */
final class SymbolicNamePatterns {

    private final List<String> patterns;
    private final List<Pattern> compiled;

    SymbolicNamePatterns(List<String> patterns) {
        this.patterns = patterns.stream().map(String::trim).filter(pattern -> !pattern.isEmpty()).toList();
        this.compiled = this.patterns.stream().map(SymbolicNamePatterns::compile).toList();
    }

    private static Pattern compile(String pattern) {
        return Pattern.compile(Arrays.stream(pattern.split("\\*", -1)).map(Pattern::quote)
                .collect(Collectors.joining(".*")));
    }

    boolean matches(String symbolicName) {
        return compiled.stream().anyMatch(pattern -> pattern.matcher(symbolicName).matches());
    }

    @Override
    public String toString() {
        return String.join(",", patterns);
    }
}
