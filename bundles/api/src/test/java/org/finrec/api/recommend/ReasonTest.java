package org.finrec.api.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class ReasonTest {

    @Test
    void charactersThatWouldNotShowAsThemselvesAreEscaped() {
        String typed = "savings\n[ALERT] approved\u001b[31m red\u202Egnp.exe\u200B end\u2028\uD800";

        Reason reason = Reason.of(ReasonCodes.TEXT_MATCH, "Close to \"" + typed + "\".");

        assertEquals("Close to \"savings\\u000A[ALERT] approved\\u001B[31m red\\u202Egnp.exe\\u200B end\\u2028"
                + "\\uD800\".", reason.message(), "a line break, a terminal escape, a bidirectional override, a "
                + "zero-width space, a line separator and an unpaired surrogate are each written as an escape");
    }

    @Test
    void readableTextIsKeptAsItIs() {
        String message = "Épargne pour l'université de ma fille: 12 % — 储蓄账户 😀, tab-free.";

        Reason reason = Reason.of(ReasonCodes.TEXT_MATCH, message);

        assertSame(message, reason.message(), "accents, other scripts and emoji show as themselves");
    }
}
