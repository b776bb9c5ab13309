package accord.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The hand-written OpenAPI description against the real routes: every /api route is documented,
 * every documented route answers (not "no such route"), and every $ref resolves.
 */
class OpenApiTest {

  @Test
  void theDescriptionAndTheRoutesAgree() throws Exception {
    LabServer server = TestServer.shared();
    HttpResponse<String> r = TestServer.get(server, "/api/openapi.json");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode doc = TestServer.json(r);
    assertThat(doc.get("openapi").asText()).startsWith("3.");
    Set<String> documented = new TreeSet<>();
    doc.get("paths").fields().forEachRemaining(p -> p.getValue().fieldNames()
        .forEachRemaining(m -> documented.add(m.toUpperCase() + " " + p.getKey())));
    Set<String> routes = new TreeSet<>();
    LabServer.routes().stream().filter(x -> x.path().startsWith("/api/"))
        .forEach(x -> routes.add(x.method() + " " + x.path()));
    assertThat(documented).isEqualTo(routes);

    String id = TestServer.run(server, "us-china-tariffs", Map.of());
    // a sweep of one draw of one quarter: what the sweep routes are asked about
    String small = "{\"scenario\": \"us-china-tariffs\", \"draws\": 1, \"quarters\": 1}";
    String sweep = TestServer.json(TestServer.post(server, "/api/sweeps", small)).get("id").asText();
    for (String route : documented) {
      String method = route.substring(0, route.indexOf(' '));
      String path = route.substring(route.indexOf(' ') + 1).replace("{id}", route.contains("/sweeps/") ? sweep : id)
          .replace("{name}", "tariffs-2025");
      HttpResponse<String> answer = method.equals("GET")
          ? TestServer.get(server, path + (path.endsWith("/series") ? "?vars=GDP" : ""))
          : method.equals("DELETE") ? TestServer.delete(server, path)
          : TestServer.post(server, path, path.endsWith("/sweeps") ? small : "{\"scenario\": \"us-china-tariffs\"}");
      assertThat(answer.statusCode()).as(route + ": " + answer.body()).isNotIn(404, 405);
      documentedStatus(doc, route, answer.statusCode());
    }
    refsResolve(doc, doc);
  }

  private static void documentedStatus(JsonNode doc, String route, int status) {
    String method = route.substring(0, route.indexOf(' ')).toLowerCase();
    JsonNode responses = doc.get("paths").get(route.substring(route.indexOf(' ') + 1)).get(method).get("responses");
    assertThat(responses.has(String.valueOf(status))).as(route + " documents its answer " + status).isTrue();
  }

  private static void refsResolve(JsonNode doc, JsonNode node) {
    if (node.isObject()) {
      JsonNode ref = node.get("$ref");
      if (ref != null) {
        JsonNode target = doc;
        for (String part : ref.asText().substring(2).split("/")) {
          target = target.path(part);
        }
        assertThat(target.isMissingNode()).as("$ref " + ref.asText()).isFalse();
      }
      node.elements().forEachRemaining(n -> refsResolve(doc, n));
    } else if (node.isArray()) {
      node.elements().forEachRemaining(n -> refsResolve(doc, n));
    }
  }
}
