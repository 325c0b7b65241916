package org.finrec.inference.internal;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.finrec.api.inference.ModelReservation;

/**
 * The runtime's memory budget for models: reservations are admitted while their sum stays within the budget. The
 * budget can change while models are loaded; a lower budget refuses new reservations until enough are closed, and
 * never evicts a loaded model.
 */
final class MemoryBudget {

    private static final long MEGABYTE = 1L << 20;

    private volatile long budgetBytes;
    private long reservedBytes; // guarded by this

    MemoryBudget(long budgetBytes) {
        this.budgetBytes = budgetBytes;
    }

    void change(long newBudgetBytes) {
        budgetBytes = newBudgetBytes;
    }

    long budget() {
        return budgetBytes;
    }

    synchronized long reserved() {
        return reservedBytes;
    }

    synchronized ModelReservation reserve(String model, long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("model " + model + ": cannot reserve " + bytes + " bytes");
        }
        long budget = budgetBytes;
        if (budget > 0 && reservedBytes + bytes > budget) {
            throw new IllegalStateException(String.format(Locale.ROOT, "Model %s needs %,d MB, but %,d MB "
                    + "of the inference memory budget of %,d MB are reserved (configuration org.finrec.inference, "
                    + "memory.budget.mb)", model, bytes / MEGABYTE, reservedBytes / MEGABYTE, budget / MEGABYTE));
        }
        reservedBytes += bytes;
        return new Reservation(bytes);
    }

    private synchronized void release(long bytes) {
        reservedBytes -= bytes;
    }

    /** One reservation; releases its bytes once. */
    private final class Reservation implements ModelReservation {
        private final AtomicLong bytes;

        Reservation(long bytes) {
            this.bytes = new AtomicLong(bytes);
        }

        @Override
        public long bytes() {
            return bytes.get();
        }

        @Override
        public void close() {
            release(bytes.getAndSet(0));
        }
    }
}
