package org.finrec.experiment.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.finrec.experiment.internal.ExperimentLedger.SequentialTest;
import org.junit.jupiter.api.Test;

class ExperimentLedgerTest {

    @Test
    void theConfiguredAuditRecordNamesItsSequentialTest() {
        SequentialTest test = new SequentialTest("control", List.of("als", "bpr.v2"), 1.0e-4);
        String detail = "0123456789abcdef control control weight 50 (50.0%) (a=b), als weight 25 (25.0%) (|(x=1)(y=2))"
                + ", bpr.v2 weight 25 (25.0%) (c=d)" + test.auditText();
        assertEquals(Optional.of(test), SequentialTest.fromAudit(detail));
        assertEquals(Optional.empty(), SequentialTest.fromAudit("0123456789abcdef control control weight 50 (a=b)"),
                "a record of an earlier version names no test");
        assertEquals(Optional.empty(), SequentialTest.fromAudit("f; always-valid test: control c treatments t"));
    }
}
