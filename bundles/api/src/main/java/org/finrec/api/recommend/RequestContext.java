package org.finrec.api.recommend;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and why the host asks for recommendations.
 *
 * @param channel the channel of the request (for example "mobile", "branch"), empty when unknown
 * @param placement the slot on screen or in the conversation (for example "home-banner"), empty when unknown
 * @param attributes further context by name (for example a search query or campaign), never null
 */
public record RequestContext(Optional<String> channel, Optional<String> placement, Map<String, String> attributes) {

    /**
     * Attribute name of the customer's free-text intent: what they typed in a search box or said in a chat (for
     * example "saving for my daughter's university"). Content-based recommenders match products to it by meaning.
     * The text is data, never query syntax.
     */
    public static final String INTENT = "intent";

    /** A context with nothing known. */
    public static final RequestContext EMPTY = new RequestContext(Optional.empty(), Optional.empty(), Map.of());

    /**
     * Validates and copies the components.
     *
     * @param channel the channel component
     * @param placement the placement component
     * @param attributes the attributes component
     * @throws NullPointerException if a component is null
     */
    public RequestContext {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(placement, "placement");
        attributes = Map.copyOf(attributes);
    }

    /**
     * Creates a context with a channel and placement and no further attributes.
     *
     * @param channel the channel, not null
     * @param placement the placement, not null
     * @return a new context
     */
    public static RequestContext of(String channel, String placement) {
        return new RequestContext(Optional.of(channel), Optional.of(placement), Map.of());
    }

    /**
     * Returns this context with one attribute set, replacing any value it had.
     *
     * @param name the attribute name, for example {@link #INTENT}; not null
     * @param value the value, not null
     * @return a new context
     */
    public RequestContext withAttribute(String name, String value) {
        Map<String, String> changed = new HashMap<>(attributes);
        changed.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return new RequestContext(channel, placement, changed);
    }

    /**
     * Returns the customer's free-text intent ({@link #INTENT}), if the request carries a non-blank one.
     *
     * @return the text, or empty
     */
    public Optional<String> intent() {
        return Optional.ofNullable(attributes.get(INTENT)).filter(text -> !text.isBlank());
    }
}
