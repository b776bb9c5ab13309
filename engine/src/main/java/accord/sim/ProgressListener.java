package accord.sim;

/** Told after each solved period; the simulator never prints (a CLI shows a bar, a server does not). */
@FunctionalInterface
public interface ProgressListener {

  ProgressListener NONE = (period, periods) -> { };

  void period(int period, int periods);
}
