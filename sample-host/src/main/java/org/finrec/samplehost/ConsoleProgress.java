package org.finrec.samplehost;

import java.io.PrintStream;
import java.util.Locale;
import org.finrec.api.data.ProgressListener;

/**
 * A progress bar on the console for long steps: redrawn in place at most every 200 ms, finished with a newline
 * when a step reaches its total or a new step starts. Thread-safe.
 */
final class ConsoleProgress implements ProgressListener {

    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintStream out;
    private String currentStep;
    private long lastDraw;
    private long stepStarted;

    ConsoleProgress(PrintStream out) {
        this.out = out;
    }

    @Override
    public synchronized void progress(String step, long done, long total) {
        long now = System.nanoTime();
        if (!step.equals(currentStep)) {
            if (currentStep != null) {
                out.println();
            }
            currentStep = step;
            stepStarted = now;
            lastDraw = 0;
        }
        boolean finished = total > 0 && done >= total;
        if (!finished && now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        double seconds = (now - stepStarted) / 1e9;
        if (total > 0) {
            int filled = (int) Math.min(WIDTH, WIDTH * done / total);
            out.printf(Locale.ROOT, "\r%-28s [%s%s] %3d%% %,d/%,d  %.1f s", step, "#".repeat(filled),
                    " ".repeat(WIDTH - filled), 100 * done / total, done, total, seconds);
        } else {
            out.printf(Locale.ROOT, "\r%-28s %,d  %.1f s", step, done, seconds);
        }
        if (finished) {
            out.println();
            currentStep = null;
        }
        out.flush();
    }

    /** Ends the current line if a step is still open. */
    synchronized void finish() {
        if (currentStep != null) {
            out.println();
            currentStep = null;
        }
    }
}
