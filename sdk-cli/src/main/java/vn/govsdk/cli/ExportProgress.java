package vn.govsdk.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.function.LongSupplier;

/** A one-line progress display on a terminal: rows, rate and time left, redrawn at most once a second. */
final class ExportProgress {

    private final PrintWriter terminal;
    private final long total;
    private final LongSupplier nanoTime;
    private final long start;
    private long lastDraw;

    ExportProgress(PrintWriter terminal, long total, LongSupplier nanoTime) {
        this.terminal = terminal;
        this.total = total;
        this.nanoTime = nanoTime;
        this.start = nanoTime.getAsLong();
        this.lastDraw = start;
    }

    /** Redraws if a second has passed since the last drawing. */
    void update(long rows) {
        long now = nanoTime.getAsLong();
        if (terminal != null && now - lastDraw >= 1_000_000_000L) {
            lastDraw = now;
            terminal.print("\r" + line(rows, now) + "   ");
            terminal.flush();
        }
    }

    /** Draws the final line and ends it. */
    void finish(long rows) {
        if (terminal != null) {
            terminal.println("\r" + line(rows, nanoTime.getAsLong()) + "   ");
            terminal.flush();
        }
    }

    String line(long rows, long now) {
        double seconds = Math.max(1e-9, (now - start) / 1e9);
        long rate = Math.round(rows / seconds);
        StringBuilder b = new StringBuilder().append(String.format("%,d", rows));
        if (total > 0) {
            b.append(String.format(" / %,d rows (%d%%)", total, Math.min(100, rows * 100 / total)));
        } else {
            b.append(" rows");
        }
        b.append(String.format(", %,d rows/s", rate));
        if (total > rows && rate > 0) {
            Duration left = Duration.ofSeconds((total - rows) / rate);
            b.append(String.format(", %d:%02d:%02d left", left.toHours(), left.toMinutesPart(), left.toSecondsPart()));
        }
        return b.toString();
    }
}
