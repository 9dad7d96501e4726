package io.seamline.cli;

import io.seamline.casefile.TaskMonitor;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Draws a progress bar on standard error when it is a terminal, and nothing when output is piped,
 * so scripts see only the command's own output.
 */
final class TerminalProgress implements TaskMonitor {
    private static final int WIDTH = 30;
    private static final long MIN_INTERVAL_NANOS = 100_000_000L;

    private final PrintWriter err;
    private final boolean enabled;
    private long lastDrawNanos;
    private boolean drawn;

    TerminalProgress(PrintWriter err) {
        this(err, System.console() != null);
    }

    TerminalProgress(PrintWriter err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    @Override
    public void progress(String stage, long done, long total) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        boolean finished = total > 0 && done >= total;
        if (!finished && now - lastDrawNanos < MIN_INTERVAL_NANOS) {
            return;
        }
        lastDrawNanos = now;
        StringBuilder line = new StringBuilder("\r").append(String.format(Locale.ROOT, "%-10s", stage)).append(" [");
        if (total > 0) {
            int filled = (int) Math.min(WIDTH, WIDTH * done / total);
            line.append("#".repeat(filled)).append(" ".repeat(WIDTH - filled)).append("] ")
                    .append(String.format(Locale.ROOT, "%3d%%", 100 * done / total));
        } else {
            line.append("...").append(" ".repeat(WIDTH - 3)).append("] ").append(done);
        }
        err.print(line);
        err.flush();
        drawn = true;
    }

    /** Ends the bar's line so later output starts on a fresh line. */
    void finish() {
        if (enabled && drawn) {
            err.println();
            err.flush();
            drawn = false;
        }
    }
}
