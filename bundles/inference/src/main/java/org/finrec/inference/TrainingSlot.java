package org.finrec.inference;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The one training a JVM may run at a time on DJL's PyTorch engine. The engine keeps a single, static "a gradient
 * collector is open" flag, so two trainings at once (two recommenders training after a configuration change, a
 * sequential and a graph model) would fail; every model bundle that trains takes this slot first. It lives here,
 * in the inference bundle that is never refreshed, because the constraint is the engine's and so JVM-wide: a static
 * is the honest shape of it. Inference needs no slot and runs in parallel with a training.
 *
 * <p>The slot is fair: trainings run in the order they asked. A waiting training can be cancelled by interrupting
 * its thread.
 */
public final class TrainingSlot implements AutoCloseable {

    private static final ReentrantLock SLOT = new ReentrantLock(true);
    private static volatile String holder;

    private final String job;

    private TrainingSlot(String job) {
        this.job = job;
    }

    /**
     * Waits for the slot, reporting while it waits what holds it.
     *
     * @param job what will train, for example {@code "recommender sasrec-beauty"}; shown to those who wait
     * @param waiting told, every 30 s while this job waits, which job holds the slot; not null
     * @return the slot, to close when the training ends
     * @throws InterruptedException if the waiting thread is interrupted (the training was cancelled)
     */
    public static TrainingSlot acquire(String job, Consumer<String> waiting)
            throws InterruptedException {
        while (!SLOT.tryLock(30, TimeUnit.SECONDS)) {
            waiting.accept(job + " waits for the training slot, held by " + holder);
        }
        holder = job;
        return new TrainingSlot(job);
    }

    /** Releases the slot; the next waiting training starts. */
    @Override
    public void close() {
        if (SLOT.isHeldByCurrentThread()) {
            holder = null;
            SLOT.unlock();
        }
    }

    @Override
    public String toString() {
        return "TrainingSlot[" + job + "]";
    }
}
