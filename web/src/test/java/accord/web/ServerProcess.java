package accord.web;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A lab server in a process of its own, for the tests that kill one: {@code ServerProcess HOME
 * STORE READY} serves HOME's library on a free loopback port with its sweeps kept in STORE, then
 * writes the port and the sweeps it resumed to READY (written whole, by a move) and serves until killed.
 */
public final class ServerProcess {

  private ServerProcess() {
  }

  public static void main(String[] args) throws Exception {
    LabServer s = LabServer.start(LabServer.Options.defaults().at("127.0.0.1", 0, null).keeping(Path.of(args[1]),
        "accord test"), Path.of(args[0]));
    Path ready = Path.of(args[2]);
    Path partial = ready.resolveSibling(ready.getFileName() + ".part");
    Files.writeString(partial, s.port() + "\n" + String.join(",", s.resumed()) + "\n");
    Files.move(partial, ready, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    Thread.currentThread().join();
  }
}
