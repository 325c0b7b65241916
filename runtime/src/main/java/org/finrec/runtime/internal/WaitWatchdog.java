package org.finrec.runtime.internal;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.finrec.api.concurrent.NamedThreads;

/**
 * Reports, at a fixed interval while a wait lasts, what it waits for, what Declarative Services says of the
 * components that would end it, and where the waiting thread is. A wait for a service may run a component's
 * activation on the waiting thread (a model's training), so the thread that waits cannot report on itself; this
 * one does, so that a long wait is never silent and a wait that hangs names the frames it hangs in.
 */
public final class WaitWatchdog implements AutoCloseable {

    /** The frames of the waiting thread a report shows, innermost first. */
    static final int SHOWN_FRAMES = 12;

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(
            NamedThreads.named("finrec-wait-watchdog"));

    private final String what;
    private final Supplier<List<String>> states;
    private final Consumer<String> report;
    private final Thread waiting = Thread.currentThread();
    private final long started = System.nanoTime();
    /** Guarded by {@code this}: once set, no report is made any more. */
    private boolean closed;
    private ScheduledFuture<?> reports;

    private WaitWatchdog(String what, Supplier<List<String>> states, Consumer<String> report) {
        this.what = what;
        this.states = states;
        this.report = report;
    }

    /**
     * Starts watching the calling thread's wait.
     *
     * @param what what is waited for, for example a service filter
     * @param states what the components that would end the wait are doing (Declarative Services' view)
     * @param every how often to report; the first report comes after one interval
     * @param report where each report goes, for example a logger's info method
     * @return the watchdog, to close when the wait ends
     */
    public static WaitWatchdog watch(String what, Supplier<List<String>> states, Duration every,
            Consumer<String> report) {
        WaitWatchdog watchdog = new WaitWatchdog(Objects.requireNonNull(what, "what"),
                Objects.requireNonNull(states, "states"), Objects.requireNonNull(report, "report"));
        long period = Math.max(1, every.toMillis());
        watchdog.reports = TIMER.scheduleAtFixedRate(watchdog::reportUnlessClosed, period, period,
                TimeUnit.MILLISECONDS);
        return watchdog;
    }

    private synchronized void reportUnlessClosed() {
        if (!closed) {
            report.accept(describe());
        }
    }

    private String describe() {
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        String components;
        try {
            List<String> described = states.get();
            components = described.isEmpty() ? "no component provides it" : String.join("; ", described);
        } catch (RuntimeException unavailable) {
            components = "the components' state is unavailable (" + unavailable + ")";
        }
        String frames = Arrays.stream(waiting.getStackTrace()).limit(SHOWN_FRAMES).map(StackTraceElement::toString)
                .collect(Collectors.joining(" < "));
        return "Still waiting for " + what + " after " + seconds + " s; " + components + "; the waiting thread "
                + waiting.getName() + " (" + waiting.getState() + ") is at " + frames;
    }

    /** Stops the reports: the wait has ended. Once this returns, no report is made. */
    @Override
    public synchronized void close() {
        closed = true;
        reports.cancel(false);
    }
}
