package org.finrec.api.recommend;

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
}
