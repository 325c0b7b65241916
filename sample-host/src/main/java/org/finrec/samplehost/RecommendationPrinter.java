package org.finrec.samplehost;

import java.io.PrintStream;
import java.util.List;
import java.util.stream.Collectors;
import org.finrec.api.Customer;
import org.finrec.api.ProductCatalog;
import org.finrec.api.recommend.Exclusion;
import org.finrec.api.recommend.Reason;
import org.finrec.api.recommend.ReasonCodes;
import org.finrec.api.recommend.Recommendation;
import org.finrec.api.recommend.RecommendationResponse;

/** Prints a customer's profile, recommendations with every reason, and what suitability did not offer. */
final class RecommendationPrinter {

    private final PrintStream out;

    RecommendationPrinter(PrintStream out) {
        this.out = out;
    }

    void print(Customer customer, RecommendationResponse response, ProductCatalog catalog) {
        out.printf("Customer %s: age %s, income %s, segment %s, risk tolerance %s%n", customer.id(),
                customer.age().isPresent() ? Integer.toString(customer.age().getAsInt()) : "unknown",
                customer.annualIncome().isPresent() ? String.format("%,.0f", customer.annualIncome().getAsDouble())
                        : "unknown",
                customer.segment().orElse("unknown"),
                customer.riskTolerance().isPresent() ? Integer.toString(customer.riskTolerance().getAsInt())
                        : "not assessed");
        out.println("  holds: " + customer.holdings().stream().sorted()
                .map(id -> catalog.product(id).map(p -> p.name()).orElse(id)).collect(Collectors.joining(", ")));
        for (Recommendation recommendation : response.recommendations()) {
            out.printf("  %d. %s (%s, risk class %s)  score %.4f  by %s, model %s%n", recommendation.rank(),
                    recommendation.product().name(), recommendation.product().category(),
                    recommendation.product().riskClass().isPresent()
                            ? Integer.toString(recommendation.product().riskClass().getAsInt()) : "unknown",
                    recommendation.score(), recommendation.recommender(),
                    recommendation.modelVersion());
            for (Reason reason : recommendation.reasons()) {
                out.printf("       %-22s %s%n", reason.code(), reason.message());
            }
        }
        List<Exclusion> unsuitable = response.exclusions().stream()
                .filter(exclusion -> !exclusion.hasReason(ReasonCodes.ALREADY_HELD)).toList();
        if (!unsuitable.isEmpty()) {
            out.println("  not offered:");
            for (Exclusion exclusion : unsuitable) {
                for (Reason reason : exclusion.reasons()) {
                    out.printf("       %-22s %s%n", reason.code(), reason.message());
                }
            }
        }
        out.println();
    }
}
