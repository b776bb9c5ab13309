package accord.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import accord.explore.DrawResult;
import accord.explore.Experiment;
import accord.explore.Fans;
import accord.explore.LocalEngine;
import accord.explore.Recipe;
import accord.explore.SweepEngine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep on a Spark standalone cluster, master and worker on loopback, its draws computed in an
 * executor JVM the worker launched: the local engine's draws and fans to the last bit; and nothing
 * left running after.
 */
class StandaloneClusterTest {

  /** The cluster, started beside the local engine's run (its JVMs start while this one computes). */
  private CompletableFuture<LoopbackCluster> starting;

  @AfterEach
  void stop() {
    SparkEngine.stop();
    if (starting != null) {
      starting.thenAccept(LoopbackCluster::close).exceptionally(ex -> null).join();
    }
  }

  @Test
  @Timeout(value = 150, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aMasterAndWorkerOnLoopbackGiveTheLocalEnginesFansBitForBit(@TempDir Path dir) throws Exception {
    assumeTrue(LoopbackCluster.loopback(), "this machine cannot listen on 127.0.0.1: no loopback cluster to start");
    long t0 = System.nanoTime();
    starting = CompletableFuture.supplyAsync(() -> {
      try {
        return LoopbackCluster.start(dir.resolve("cluster"), 2, Duration.ofSeconds(60));
      } catch (Exception ex) {
        throw new CompletionException(ex);
      }
    });
    Path priorsFile = SparkEngineTest.priors(dir);
    Experiment e = SparkEngineTest.experiment(priorsFile, 20261201L);
    int n = 5;   // three tasks of two, the last short
    List<DrawResult> local = new ArrayList<>();
    Fans localFans = new Fans(e);
    SweepEngine.LOCAL.run(null, e, 0, n, 1, null, r -> {
      local.add(r);
      localFans.accept(r);
    }, LocalEngine.Progress.NONE);

    long t1 = System.nanoTime();
    LoopbackCluster cluster = starting.join();
    long t2 = System.nanoTime();
    Recipe recipe = new Recipe(SparkEngineTest.SCENARIO.toAbsolutePath().normalize().toString(), e.periods(),
        priorsFile.toAbsolutePath().normalize().toString(), 20261201L);
    List<DrawResult> spark = new ArrayList<>();
    Fans sparkFans = new Fans(e);
    long[] progress = {0};
    try {
      new SparkEngine(2).run(recipe, e, 0, n, 2, cluster.master(), r -> {
        spark.add(r);
        sparkFans.accept(r);
      }, (done, failed) -> progress[0] = done);
    } catch (RuntimeException ex) {
      throw new AssertionError("the sweep on " + cluster.master() + " failed; the cluster's logs:\n" + cluster.logs(), ex);
    }
    // the draws were computed out of this process: in executor JVMs the worker started, three tasks
    assertThat(cluster.executors()).as("executor JVMs of the worker\n%s", cluster.logs()).isNotEmpty();
    assertThat(cluster.tasksFinished()).as("tasks the executors finished\n%s", cluster.logs()).isEqualTo(3);
    System.out.printf("loopback cluster: local engine %.1f s, then the cluster up %.1f s later, sweep %.1f s (load %s)%n",
        (t1 - t0) / 1e9, (t2 - t1) / 1e9, (System.nanoTime() - t2) / 1e9,
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());

    assertThat(progress[0]).isEqualTo(n);
    SparkEngineTest.assertSameDraws(spark, local);
    // records compare their doubles with Double.compare: equal here is equal to the bit
    assertThat(sparkFans.rows()).isNotEmpty().isEqualTo(localFans.rows());

    SparkEngine.stop();
    cluster.close();
    assertThat(cluster.alive()).as("processes the cluster left running").isEmpty();
  }
}
