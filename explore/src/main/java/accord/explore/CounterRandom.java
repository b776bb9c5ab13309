package accord.explore;

/**
 * Random numbers that are a pure function of (seed, draw, stream): draw i's parameters and branch
 * depend on nothing else, not on which thread ran it or in which order, so a sweep gives the same
 * bits on one thread or many, and a store or a cluster can run draw i alone. The mixing function
 * is SplitMix64's finaliser (Steele, Lea and Flood 2014, "Fast splittable pseudorandom number
 * generators", OOPSLA; the one of java.util.SplittableRandom), applied to the three keys in turn.
 */
public final class CounterRandom {

  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private CounterRandom() {
  }

  /** A number uniform on the open interval (0, 1), never 0 or 1 (so every quantile is finite). */
  public static double uniform(long seed, long draw, int stream) {
    long h = mix(mix(mix(seed + GOLDEN) + draw * GOLDEN) + (stream + 1L) * 0xD1B54A32D192ED03L);
    return ((h >>> 11) + 0.5) * 0x1.0p-53;
  }

  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
