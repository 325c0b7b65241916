package org.finrec.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.finrec.api.spi.FakeRecommender;
import org.finrec.api.recommend.ReasonCodes;
import org.finrec.api.spi.Recommender;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Constants;

class RecommenderRegistryTest {

    private final RecommenderRegistry registry = new RecommenderRegistry();

    private static Recommender named(String name) {
        return FakeRecommender.fixed(name, ReasonCodes.POPULAR_OVERALL, Map.of());
    }

    private static Map<String, Object> properties(String name, long serviceId, int ranking) {
        return Map.of(Recommender.NAME, name, Constants.SERVICE_ID, serviceId, Constants.SERVICE_RANKING, ranking);
    }

    @Test
    void theNewestRegistrationOfANameWinsWithinARanking() {
        Recommender old = named("cf");
        Recommender newer = named("cf");
        registry.add(old, properties("cf", 10, 0), "cf/1.0.0");
        registry.add(newer, properties("cf", 11, 0), "cf/1.0.1");
        assertSame(newer, registry.byName("cf").recommender());
        assertEquals("cf/1.0.1", registry.byFilter("(finrec.recommender.name=cf)").bundle());

        Recommender ranked = named("cf");
        registry.add(ranked, properties("cf", 5, 100), "cf/0.9.0");
        assertSame(ranked, registry.byName("cf").recommender(), "a higher service ranking wins over recency");
    }

    @Test
    void removalWaitsForTheCallsRunningOnTheRecommender() throws Exception {
        Recommender recommender = named("cf");
        registry.add(recommender, properties("cf", 1, 0), "cf/1.0.0");
        RecommenderRegistry.Entry entry = registry.byName("cf");
        entry.inFlight().incrementAndGet(); // a call starts

        CompletableFuture<Integer> removal = CompletableFuture.supplyAsync(() -> {
            try {
                return registry.remove(recommender, 10_000);
            } catch (InterruptedException interrupted) {
                throw new IllegalStateException(interrupted);
            }
        });
        Thread.sleep(100);
        assertNull(registry.byName("cf"), "no new call is routed to a departing recommender");
        assertFalse(removal.isDone(), "removal waits while a call runs");
        entry.inFlight().decrementAndGet(); // the call ends
        assertEquals(0, removal.get(5, TimeUnit.SECONDS));
    }

    @Test
    void removalGivesUpAfterTheDrainTimeoutAndTellsHowManyCallsStillRun() throws Exception {
        Recommender recommender = named("cf");
        registry.add(recommender, properties("cf", 1, 0), "cf/1.0.0");
        registry.byName("cf").inFlight().incrementAndGet();
        assertEquals(1, registry.remove(recommender, 50));
    }

    @Test
    void aMalformedFilterIsRefusedWithTheFilterInTheMessage() {
        IllegalArgumentException malformed = assertThrows(IllegalArgumentException.class,
                () -> registry.byFilter("(finrec.recommender.name=cf"));
        assertTrue(malformed.getMessage().contains("(finrec.recommender.name=cf"));
    }
}
