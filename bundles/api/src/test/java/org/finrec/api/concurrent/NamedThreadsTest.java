package org.finrec.api.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ThreadFactory;
import org.junit.jupiter.api.Test;

class NamedThreadsTest {

    @Test
    void numberedThreadsAreDaemonsNumberedFromOnePerFactory() {
        ThreadFactory pool = NamedThreads.numbered("finrec-test");
        Thread first = pool.newThread(() -> { });
        Thread second = pool.newThread(() -> { });
        assertEquals("finrec-test-1", first.getName());
        assertEquals("finrec-test-2", second.getName());
        assertTrue(first.isDaemon() && second.isDaemon());
        assertFalse(first.isAlive());
        assertEquals("finrec-test-1", NamedThreads.numbered("finrec-test").newThread(() -> { }).getName());
    }

    @Test
    void namedThreadsAndOneOffThreadsAreDaemonsWithTheirName() throws InterruptedException {
        Thread pooled = NamedThreads.named("finrec-one").newThread(() -> { });
        assertEquals("finrec-one", pooled.getName());
        assertTrue(pooled.isDaemon());
        boolean[] ran = new boolean[1];
        Thread worker = NamedThreads.daemon(() -> ran[0] = true, "finrec-worker");
        assertEquals("finrec-worker", worker.getName());
        assertTrue(worker.isDaemon());
        assertFalse(worker.isAlive(), "not started");
        worker.start();
        worker.join();
        assertTrue(ran[0]);
    }

    @Test
    void blankNamesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> NamedThreads.numbered(" "));
        assertThrows(IllegalArgumentException.class, () -> NamedThreads.named(""));
        assertThrows(IllegalArgumentException.class, () -> NamedThreads.daemon(() -> { }, null));
    }
}
