package accord.explore.channels;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Runs independent tasks on a few threads and returns their results in task order, so the
 * answer does not depend on the thread count. The first failure (a model error, a solver
 * failure) is rethrown as it was, and the tasks not yet started are cancelled.
 */
public final class Parallel {

  private Parallel() {
  }

  /** The default thread count: every core. */
  public static int cores() {
    return Runtime.getRuntime().availableProcessors();
  }

  public static <T> List<T> map(int count, int threads, IntFunction<T> task) {
    if (threads <= 1 || count <= 1) {
      List<T> out = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        out.add(task.apply(i));
      }
      return out;
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, count), r -> {
      Thread t = new Thread(r, "accord-run");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<T>> futures = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        int k = i;
        futures.add(pool.submit(() -> task.apply(k)));
      }
      List<T> out = new ArrayList<>(count);
      for (Future<T> f : futures) {
        out.add(f.get());
      }
      return out;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } finally {
      pool.shutdownNow();
    }
  }
}
