package dev.dockfit.cli.lint;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Applies a function to every element of a list on up to {@code threads} threads (the caller's among them) and
 * returns the results in the list's order, so that output does not depend on scheduling. Elements are handed
 * out one at a time: files differ a lot in size, so fixed slices would leave threads idle.
 */
final class InOrderParallel {
    private InOrderParallel() {
    }

    static <T, R> List<R> map(List<T> items, int threads, Function<T, R> f) {
        Object[] results = new Object[items.size()];
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < items.size() && failure.get() == null; i = next.getAndIncrement()) {
                try {
                    results[i] = f.apply(items.get(i));
                } catch (RuntimeException | Error e) {
                    failure.compareAndSet(null, e);
                }
            }
        };
        int helpers = Math.min(threads, items.size()) - 1;
        Thread[] started = new Thread[Math.max(helpers, 0)];
        for (int k = 0; k < started.length; k++) {
            started[k] = new Thread(worker, "dockfit-lint-" + (k + 1));
            started[k].setDaemon(true);
            started[k].start();
        }
        worker.run();
        for (Thread t : started) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while linting", e);
            }
        }
        Throwable t = failure.get();
        if (t instanceof RuntimeException r) throw r;
        if (t instanceof Error e) throw e;
        @SuppressWarnings("unchecked")
        List<R> out = (List<R>) Arrays.asList(results);
        return out;
    }
}
