package accord.explore;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongFunction;

/**
 * Runs draws 0 to n - 1 on this machine's threads and hands their results to a sink in draw
 * order: a worker takes the next index, computes it and leaves the result in a reorder buffer; the
 * calling thread passes results on as soon as the next in order is there. The buffer holds at most
 * {@code 4 x threads} results (workers wait for room), so memory does not grow with n.
 */
public final class LocalEngine {

  /** Told after each result the sink took: how many so far and how many of them failed. */
  @FunctionalInterface
  public interface Progress {
    Progress NONE = (done, failed) -> { };

    void update(long done, long failed);
  }

  private LocalEngine() {
  }

  /**
   * Computes {@code job} for 0 .. n - 1 on {@code threads} threads, in order into {@code sink}.
   * An exception in a draw (a bug: a draw's own failures are results) stops the run and is
   * thrown here.
   */
  public static void run(LongFunction<DrawResult> job, long n, int threads, ResultSink sink, Progress progress)
      throws InterruptedException {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1: " + threads);
    }
    int window = 4 * threads;
    Semaphore room = new Semaphore(window);
    AtomicLong next = new AtomicLong();
    ConcurrentHashMap<Long, DrawResult> ready = new ConcurrentHashMap<>();
    AtomicReference<Throwable> broken = new AtomicReference<>();
    Object signal = new Object();
    Thread[] workers = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      workers[t] = new Thread(() -> {
        try {
          while (broken.get() == null) {
            room.acquire();
            long i = next.getAndIncrement();
            if (i >= n) {
              room.release();
              return;
            }
            ready.put(i, job.apply(i));
            synchronized (signal) {
              signal.notifyAll();
            }
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } catch (Throwable e) {
          broken.compareAndSet(null, e);
          synchronized (signal) {
            signal.notifyAll();
          }
        }
      }, "accord-draw-" + t);
      workers[t].setDaemon(true);
      workers[t].start();
    }
    long failed = 0;
    try {
      for (long i = 0; i < n; i++) {
        DrawResult r;
        synchronized (signal) {
          while ((r = ready.remove(i)) == null) {
            if (broken.get() != null) {
              throw rethrow(broken.get());
            }
            signal.wait(100);
          }
        }
        room.release();
        sink.accept(r);
        failed += r.failed() ? 1 : 0;
        progress.update(i + 1, failed);
      }
    } finally {
      broken.compareAndSet(null, new InterruptedException("the sweep stopped"));
      for (Thread w : workers) {
        w.interrupt();
      }
      for (Thread w : workers) {
        w.join();
      }
    }
  }

  private static RuntimeException rethrow(Throwable t) {
    if (t instanceof RuntimeException r) {
      return r;
    }
    if (t instanceof Error e) {
      throw e;
    }
    return new IllegalStateException(t);
  }
}
