package org.finrec.api.recommend;

import java.util.Locale;
import java.util.Objects;

/**
 * Why a product was recommended, demoted or removed: a machine-readable code from {@link ReasonCodes} (or a
 * bank's own code), a sentence for people, and the part of the score it accounts for.
 *
 * @param code a stable, machine-readable code such as {@link ReasonCodes#POPULAR_IN_SEGMENT}; never blank
 * @param message a sentence a relationship manager or customer can read; never null. Characters that would not
 *     show as themselves on a screen or in a log are written as <code>&#92;uXXXX</code> escapes: control characters
 *     (line breaks and terminal escape sequences included), invisible format characters (zero-width and
 *     bidirectional overrides), line and paragraph separators and unpaired surrogates; so text a customer typed,
 *     quoted in a reason, can neither hide nor forge a line of it
 * @param contribution the part of the recommendation score this reason accounts for, finite; 0 for reasons
 *     that do not contribute to a score (suitability, exclusions)
 */
public record Reason(String code, String message, double contribution) {

    /**
     * Validates the components.
     *
     * @param code the code component
     * @param message the message component
     * @param contribution the contribution component
     * @throws IllegalArgumentException if the code is blank or the contribution is not finite
     * @throws NullPointerException if the message is null
     */
    public Reason {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("reason code must not be blank");
        }
        message = readable(Objects.requireNonNull(message, "message"));
        if (!Double.isFinite(contribution)) {
            throw new IllegalArgumentException("reason " + code + ": contribution must be finite");
        }
    }

    private static String readable(String message) {
        if (message.codePoints().noneMatch(Reason::isHidden)) {
            return message;
        }
        StringBuilder readable = new StringBuilder(message.length() + 16);
        message.codePoints().forEach(codePoint -> {
            if (isHidden(codePoint)) {
                readable.append(String.format(Locale.ROOT, "\\u%04X", codePoint));
            } else {
                readable.appendCodePoint(codePoint);
            }
        });
        return readable.toString();
    }

    private static boolean isHidden(int codePoint) {
        switch (Character.getType(codePoint)) {
            case Character.CONTROL:
            case Character.FORMAT:
            case Character.SURROGATE:
            case Character.LINE_SEPARATOR:
            case Character.PARAGRAPH_SEPARATOR:
                return true;
            default:
                return false;
        }
    }

    /**
     * Creates a reason that contributes nothing to a score.
     *
     * @param code a stable code
     * @param message a readable sentence
     * @return a new reason
     */
    public static Reason of(String code, String message) {
        return new Reason(code, message, 0.0);
    }
}
