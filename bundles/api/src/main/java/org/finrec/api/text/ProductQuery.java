package org.finrec.api.text;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.finrec.api.ProductCategory;

/**
 * A search of the product catalogue by text. The text is taken literally: words only, never query syntax, so text
 * typed by a customer cannot change what the query means.
 *
 * @param text the text, for example a search box entry or a chat message; not null, may be blank (no match)
 * @param limit the most products returned, at least 1
 * @param mode how the text is matched
 * @param category only products of this category, or empty for all
 * @param maxRiskClass only products of at most this risk class (a product without a risk class never passes),
 *     or empty for all
 */
public record ProductQuery(String text, int limit, MatchMode mode, Optional<ProductCategory> category,
        OptionalInt maxRiskClass) {

    /**
     * Validates the components.
     *
     * @param text the text component
     * @param limit the limit component
     * @param mode the mode component
     * @param category the category component
     * @param maxRiskClass the maxRiskClass component
     * @throws IllegalArgumentException if the limit is below 1
     * @throws NullPointerException if a component is null
     */
    public ProductQuery {
        Objects.requireNonNull(text, "text");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(maxRiskClass, "maxRiskClass");
    }

    /**
     * Creates a hybrid query without filters.
     *
     * @param text the text
     * @param limit the most products returned
     * @return the query
     */
    public static ProductQuery of(String text, int limit) {
        return new ProductQuery(text, limit, MatchMode.HYBRID, Optional.empty(), OptionalInt.empty());
    }
}
