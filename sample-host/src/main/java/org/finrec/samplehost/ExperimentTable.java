package org.finrec.samplehost;

import java.util.Locale;
import java.util.Optional;
import org.finrec.api.experiment.Comparison;
import org.finrec.api.experiment.ExperimentReport;
import org.finrec.api.experiment.OutcomeKind;
import org.finrec.api.experiment.Proportion;
import org.finrec.api.experiment.VariantReport;
import org.finrec.api.experiment.VariantState;

/**
 * An experiment's statistics on the console: one row per variant with its impressions, click-through and
 * conversion rates (percent, Wilson 95% intervals), the click-through difference against the control (points,
 * 95% interval) with its fixed-horizon and always-valid p-values, and its state; and a one-line verdict.
 */
final class ExperimentTable {

    /** Significance level of the verdict. */
    static final double ALPHA = 0.05;

    private static final String ROW = "  %-9s  %7s  %-19s  %-17s  %-21s  %7s  %14s  %s%n";

    /** The column titles, to print once above the rows. */
    static final String HEADER = String.format(Locale.ROOT, ROW, "variant", "impr.", "CTR % [95% CI]",
            "CVR % [95% CI]", "CTR vs control, pts", "fixed p", "always-valid p", "state");

    private ExperimentTable() {
    }

    /** The rows of every served variant (a shadow variant has no rates and is left out). */
    static String rows(ExperimentReport report) {
        StringBuilder rows = new StringBuilder();
        for (VariantReport variant : report.variants()) {
            if (variant.state() == VariantState.SHADOW) {
                continue;
            }
            Optional<Comparison> ctr = Optional.ofNullable(variant.versusControl().get(OutcomeKind.CLICK));
            rows.append(String.format(Locale.ROOT, ROW, variant.name(), count(variant.impressions()),
                    rate(variant.clickThroughRate()), rate(variant.conversionRate()),
                    ctr.map(c -> points(c.difference()) + " [" + points(c.lower95()) + ", " + points(c.upper95())
                            + "]").orElse(""),
                    ctr.map(c -> p(c.pValue())).orElse(""), ctr.map(c -> p(c.alwaysValidPValue())).orElse(""),
                    variant.state() + variant.haltReason().map(reason -> ": " + reason).orElse("")));
        }
        return rows.toString();
    }

    /**
     * The treatment against the control in one line: the differences and what may be concluded. Before the planned
     * sample only the always-valid p decides; once it is reached the fixed-horizon p may decide too.
     */
    static String verdict(ExperimentReport report, String treatment) {
        VariantReport variant = report.variant(treatment).orElseThrow();
        Comparison ctr = variant.versusControl().get(OutcomeKind.CLICK);
        Comparison cvr = variant.versusControl().get(OutcomeKind.PURCHASE);
        String direction = ctr.difference() > 0 ? "the treatment wins" : "the treatment loses";
        String conclusion;
        if (variant.state() == VariantState.HALTED) {
            conclusion = "halted by a guardrail: " + variant.haltReason().orElse("");
        } else if (ctr.alwaysValidPValue() < ALPHA) {
            conclusion = "significant, " + direction;
        } else if (report.plannedSampleReached()) {
            conclusion = ctr.pValue() < ALPHA
                    ? "significant at the planned sample (fixed-horizon p = " + p(ctr.pValue()) + "), " + direction
                    : "no difference at the planned sample (fixed-horizon p = " + p(ctr.pValue()) + ")";
        } else {
            conclusion = "not significant yet (the fixed-horizon p = " + p(ctr.pValue()) + " is not valid before the "
                    + "planned sample)";
        }
        return treatment + " CTR " + points(ctr.difference()) + " points [" + points(ctr.lower95()) + ", "
                + points(ctr.upper95()) + "], CVR " + points(cvr.difference()) + " points, always-valid p = "
                + p(ctr.alwaysValidPValue()) + ": " + conclusion;
    }

    private static String rate(Optional<Proportion> rate) {
        return rate.map(r -> String.format(Locale.ROOT, "%.2f [%.2f, %.2f]", 100 * r.estimate(), 100 * r.lower95(),
                100 * r.upper95())).orElse("");
    }

    private static String points(double difference) {
        double points = 100 * difference;
        return String.format(Locale.ROOT, "%+.2f", Math.abs(points) < 0.005 ? 0.0 : points);
    }

    private static String p(double value) {
        return value < 0.001 ? "<0.001" : String.format(Locale.ROOT, "%.3f", value);
    }

    private static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
