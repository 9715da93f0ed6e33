package vn.govsdk.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/** Runs {@code govsdk} in this JVM and reports the highest heap use sampled meanwhile (run by OpenDataExportHeapTest). */
public final class HeapProbeMain {

    private HeapProbeMain() {
    }

    /**
     * Runs the command and prints {@code exit=<code> maxHeapUsed=<bytes>}.
     *
     * @param args the govsdk arguments
     * @throws InterruptedException if interrupted
     */
    public static void main(String[] args) throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        AtomicLong max = new AtomicLong();
        AtomicBoolean done = new AtomicBoolean();
        Thread sampler = new Thread(() -> {
            while (!done.get()) {
                max.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        StringWriter err = new StringWriter();
        int code = GovSdkCommand.run(new PrintWriter(System.out, true), new PrintWriter(err), args);
        done.set(true);
        sampler.join();
        max.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        System.out.println("exit=" + code + " maxHeapUsed=" + max.get() + " maxHeap=" + memory.getHeapMemoryUsage().getMax());
        System.out.println("err=" + err.toString().replace('\n', ' '));
    }
}
