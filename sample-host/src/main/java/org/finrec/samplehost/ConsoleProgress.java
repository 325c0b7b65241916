package org.finrec.samplehost;

import java.io.PrintStream;
import java.util.Locale;
import org.finrec.api.data.ProgressListener;

/**
 * A progress bar on the console for long steps. On a terminal it is redrawn in place (carriage return) at most
 * every 200 ms and finished with a newline when a step reaches its total or a new step starts. When the output is
 * not a terminal (a log file, a CI console, a pipe) it writes whole lines only, at most one every 10 s per step and
 * one when the step finishes, so that a log holds no carriage-return frames. Thread-safe.
 */
final class ConsoleProgress implements ProgressListener {

    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 200_000_000L;
    private static final long LOG_LINE_NANOS = 10_000_000_000L;

    private final PrintStream out;
    private final boolean terminal;
    private String currentStep;
    private long lastDraw;
    private long stepStarted;

    ConsoleProgress(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    /**
     * Returns progress on standard error, drawn in place when the process runs on a terminal.
     *
     * @return the progress listener
     */
    static ConsoleProgress onStandardError() {
        return new ConsoleProgress(System.err, System.console() != null);
    }

    @Override
    public synchronized void progress(String step, long done, long total) {
        long now = System.nanoTime();
        if (!step.equals(currentStep)) {
            if (currentStep != null && terminal) {
                out.println();
            }
            currentStep = step;
            stepStarted = now;
            lastDraw = 0;
        }
        boolean finished = total > 0 && done >= total;
        if (!finished && now - lastDraw < (terminal ? REDRAW_NANOS : LOG_LINE_NANOS)) {
            return;
        }
        lastDraw = now;
        double seconds = (now - stepStarted) / 1e9;
        String frame = terminal ? "\r" : "";
        if (total > 0) {
            int filled = (int) Math.min(WIDTH, WIDTH * done / total);
            out.printf(Locale.ROOT, "%s%-28s [%s%s] %3d%% %,d/%,d  %.1f s", frame, step, "#".repeat(filled),
                    " ".repeat(WIDTH - filled), 100 * done / total, done, total, seconds);
        } else {
            out.printf(Locale.ROOT, "%s%-28s %,d  %.1f s", frame, step, done, seconds);
        }
        if (!terminal) {
            out.println();
        }
        if (finished) {
            if (terminal) {
                out.println();
            }
            currentStep = null;
        }
        out.flush();
    }

    /** Ends the current line if a step is still open. */
    synchronized void finish() {
        if (currentStep != null) {
            if (terminal) {
                out.println();
            }
            currentStep = null;
        }
    }
}
