package org.finrec.api.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExplanationTest {

    private static final Reason SEGMENT = new Reason(ReasonCodes.POPULAR_IN_SEGMENT, "Popular in segment.", 0.25);
    private static final Reason OVERALL = new Reason(ReasonCodes.POPULAR_OVERALL, "Popular overall.", 0.125);

    @Test
    void needsAtLeastOneReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Explanation("p1", 0.5, List.of()));
        assertTrue(e.getMessage().contains("p1"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void needsAFiniteScore(double score) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Explanation("p1", score, List.of(SEGMENT)));
        assertTrue(e.getMessage().contains("p1"), e.getMessage());
    }

    @Test
    void needsAProductId() {
        assertThrows(IllegalArgumentException.class, () -> new Explanation(" ", 0.5, List.of(SEGMENT)));
    }

    @Test
    void totalContributionSumsTheReasons() {
        assertEquals(0.375, new Explanation("p1", 0.375, List.of(SEGMENT, OVERALL)).totalContribution());
    }

    @Test
    void reasonsAreCopied() {
        List<Reason> reasons = new ArrayList<>(List.of(SEGMENT));
        Explanation explanation = new Explanation("p1", 0.25, reasons);

        reasons.add(OVERALL);

        assertEquals(List.of(SEGMENT), explanation.reasons());
    }

    @Test
    void reasonNeedsACodeAndAFiniteContribution() {
        assertThrows(IllegalArgumentException.class, () -> Reason.of(" ", "message"));
        assertThrows(IllegalArgumentException.class, () -> new Reason("X", "message", Double.NaN));
        assertThrows(NullPointerException.class, () -> Reason.of("X", null));
        assertEquals(0.0, Reason.of("X", "message").contribution());
    }
}
