package org.finrec.experiment.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.finrec.api.Customer;
import org.finrec.api.experiment.Assignment;
import org.finrec.api.recommend.RecommendationRequest;
import org.finrec.experiment.internal.allocation.BucketTable;
import org.finrec.experiment.internal.allocation.VariantWeight;

/** An experiment as it serves: its definition and its bucket table. Immutable. */
final class RunningExperiment {

    private final ExperimentDefinition definition;
    private final BucketTable table;

    RunningExperiment(ExperimentDefinition definition) {
        this.definition = definition;
        this.table = BucketTable.of(definition.salt(), definition.variants().stream()
                .map(variant -> new VariantWeight(variant.name(), variant.weight())).toList());
    }

    ExperimentDefinition definition() {
        return definition;
    }

    String id() {
        return definition.id();
    }

    /** The share of customers allocated to the variant at {@code index}. */
    double share(int index) {
        return table.share(index);
    }

    /** Tells whether the request takes part, by the eligibility filter. */
    boolean admits(RecommendationRequest request) {
        return definition.eligibility().map(filter -> filter.matches(eligibilityAttributes(request))).orElse(true);
    }

    /**
     * The assignment of an admitted request.
     *
     * @param haltedVariant tells whether a guardrail halted a variant, whose customers the control then serves
     */
    Assignment assign(RecommendationRequest request, Predicate<String> haltedVariant) {
        ExperimentDefinition.Variant variant = definition.variants().get(table.variantOf(request.customer().id()));
        Optional<String> shadowName = definition.shadow().map(ExperimentDefinition.Variant::name);
        Optional<String> shadowFilter = definition.shadow().map(ExperimentDefinition.Variant::filter);
        if (variant != definition.control() && haltedVariant.test(variant.name())) {
            ExperimentDefinition.Variant control = definition.control();
            return new Assignment(id(), control.name(), Optional.of(control.filter()), shadowName, shadowFilter,
                    Optional.of(variant.name()));
        }
        return new Assignment(id(), variant.name(), Optional.of(variant.filter()), shadowName, shadowFilter,
                Optional.empty());
    }

    /** What an eligibility filter can test: the request's channel and placement, the customer, the context. */
    private static Map<String, Object> eligibilityAttributes(RecommendationRequest request) {
        Customer customer = request.customer();
        Map<String, Object> attributes = new HashMap<>(customer.attributes());
        attributes.putAll(request.context().attributes());
        request.context().channel().ifPresent(channel -> attributes.put("channel", channel));
        request.context().placement().ifPresent(placement -> attributes.put("placement", placement));
        for (String name : List.of(Customer.SEGMENT, Customer.PREFERRED_CHANNEL, Customer.AGE_BAND)) {
            customer.attribute(name).ifPresent(value -> attributes.put(name, value));
        }
        customer.riskTolerance().ifPresent(tolerance -> attributes.put(Customer.RISK_TOLERANCE, tolerance));
        return attributes;
    }

    /** The allocation in words, for the audit log: variants with weights, realised shares and filters. */
    String describe() {
        StringBuilder text = new StringBuilder();
        List<ExperimentDefinition.Variant> variants = definition.variants();
        for (int i = 0; i < variants.size(); i++) {
            ExperimentDefinition.Variant variant = variants.get(i);
            text.append(i == 0 ? "control " : ", ").append(variant.name()).append(" weight ").append(variant.weight())
                    .append(String.format(Locale.ROOT, " (%.1f%%) ", 100 * table.share(i)))
                    .append(variant.filter());
        }
        definition.shadow().ifPresent(shadow -> text.append(", shadow ").append(shadow.name()).append(' ')
                .append(shadow.filter()));
        definition.eligibility().ifPresent(filter -> text.append(", eligible ").append(filter));
        return text.toString();
    }
}
