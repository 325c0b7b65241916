package org.finrec.api.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RequestContextTest {

    @Test
    void anIntentIsAnAttributeAndBlankMeansNone() {
        RequestContext mobile = RequestContext.of("mobile", "search");
        RequestContext asking = mobile.withAttribute(RequestContext.INTENT, "saving for university");

        assertEquals(Optional.of("saving for university"), asking.intent());
        assertEquals(Optional.of("mobile"), asking.channel());
        assertEquals(Map.of(), mobile.attributes(), "the original context is unchanged");
        assertEquals(Optional.empty(), mobile.withAttribute(RequestContext.INTENT, "  ").intent());
        assertEquals(Optional.of("later"), asking.withAttribute(RequestContext.INTENT, "later").intent());
        assertThrows(NullPointerException.class, () -> mobile.withAttribute(RequestContext.INTENT, null));
    }
}
