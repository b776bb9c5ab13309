package accord.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** One lab server on a free loopback port, shared by the test classes of this module (started once). */
final class TestServer {

  static final Path HOME = Path.of("..").toAbsolutePath().normalize();
  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static LabServer shared;

  private TestServer() {
  }

  static synchronized LabServer shared() {
    if (shared == null) {
      shared = LabServer.start(LabServer.Options.defaults().at("127.0.0.1", 0, null), HOME);
      Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
    }
    return shared;
  }

  static String base(LabServer s) {
    return "http://127.0.0.1:" + s.port();
  }

  static HttpResponse<String> get(LabServer s, String path, String... headers) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base(s) + path)).timeout(Duration.ofMinutes(3));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return HTTP.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> post(LabServer s, String path, String body, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base(s) + path)).timeout(Duration.ofMinutes(3))
        .header("Content-Type", "application/json");
    if (headers.length > 0) {
      b.headers(headers);
    }
    return HTTP.send(b.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> delete(LabServer s, String path) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(URI.create(base(s) + path)).timeout(Duration.ofMinutes(1)).DELETE().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static String body(Object o) throws IOException {
    return JSON.writeValueAsString(o);
  }

  static JsonNode json(HttpResponse<String> r) throws IOException {
    return JSON.readTree(r.body());
  }

  /** The first diagnostic's code of a refusal. */
  static String code(HttpResponse<String> r) throws IOException {
    return json(r).path("diagnostics").path(0).path("code").asText();
  }

  /** A run of a library scenario; its id. */
  static String run(LabServer s, String scenario, Map<String, Double> overrides) throws Exception {
    HttpResponse<String> r = post(s, "/api/runs", body(Map.of("scenario", scenario, "overrides", overrides)));
    if (r.statusCode() != 201) {
      throw new AssertionError(r.statusCode() + " " + r.body());
    }
    return json(r).get("id").asText();
  }
}
