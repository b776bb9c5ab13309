package accord.web;

import static org.assertj.core.api.Assertions.assertThat;

import accord.cache.ModelCache;
import accord.model.Model;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The server reads and compiles each model once: the same file gives the same model, the same
 * model and closure the same program; a model made for one run (as a currency accord makes one)
 * is compiled for it and not kept.
 */
class HeldModelsTest {

  @Test
  void aModelIsReadAndCompiledOnce() {
    TestServer.shared();   // the server holds models in memory from its start
    Path world = TestServer.HOME.resolve("models/world/world.acc");
    Model m = ModelCache.load(world);
    assertThat(ModelCache.load(TestServer.HOME.resolve("models/world/../world/world.acc"))).isSameAs(m);
    assertThat(ModelCache.program(m, null)).isSameAs(ModelCache.program(m, null));
    Model copy = new Model(m.name(), m.doc(), m.sets(), m.series(), m.slots(), m.equations(), m.hidden(), m.checks(),
        m.matrices(), m.baseClosure(), m.closures(), m.initial(), m.paths(), m.calendar());
    assertThat(ModelCache.program(copy, null)).isNotSameAs(ModelCache.program(copy, null))
        .isNotSameAs(ModelCache.program(m, null));
  }
}
