package accord.yaml;

import accord.lang.Diagnostic;
import accord.lang.ModelException;
import accord.lang.SourceFile;
import accord.lang.Span;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * A YAML document read into plain maps, lists and scalars that remember where they were
 * written, so that a scenario error can name its line and column. Jackson's tree model forgets
 * positions, hence this small reader over its streaming parser.
 */
public final class YamlTree {

  /** A value (a Map of String to Field, a List of Node, or a scalar) and its place. */
  public record Node(Object value, Span span) {

    @SuppressWarnings("unchecked")
    public Map<String, Field> map() {
      return (Map<String, Field>) value;
    }

    public boolean isMap() {
      return value instanceof Map;
    }

    public boolean isList() {
      return value instanceof List;
    }

    @SuppressWarnings("unchecked")
    public List<Node> list() {
      return (List<Node>) value;
    }
  }

  /** A map entry: the key's place and the value. */
  public record Field(Span keySpan, Node value) {
  }

  private static final YAMLFactory FACTORY = new YAMLFactory();

  /**
   * {@code s} as a message can show it: characters that are invisible or break the line (a
   * control character, a zero-width space, U+2028) written as {@code U+2028}.
   */
  public static String visible(String s) {
    StringBuilder out = new StringBuilder(s.length());
    s.codePoints().forEach(c -> {
      int type = Character.getType(c);
      boolean hidden = c != ' ' && (Character.isISOControl(c) || type == Character.FORMAT
          || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE
          || type == Character.UNASSIGNED || type == Character.PRIVATE_USE || Character.isSpaceChar(c));
      if (hidden) {
        out.append(String.format("U+%04X", c));
      } else {
        out.appendCodePoint(c);
      }
    });
    return out.toString();
  }

  private YamlTree() {
  }

  public static Node parse(SourceFile file) {
    JsonParser[] parser = new JsonParser[1];
    try (JsonParser p = FACTORY.createParser(file.text())) {
      parser[0] = p;
      JsonToken t = p.nextToken();
      if (t == null) {
        throw new ModelException(Diagnostic.error("E301", new Span(file, 1, 1, 1), "the scenario file is empty")
            .withHint("a scenario needs at least 'model:' and 'periods:'"));
      }
      return read(p, file);
    } catch (StreamConstraintsException e) {
      // a limit that keeps a hostile file from exhausting memory or the stack (nesting depth, a number's length):
      // it carries no location, the parser does; Jackson's own message names its API, which means nothing to a user
      JsonLocation loc = parser[0] == null ? null : parser[0].currentLocation();
      int line = loc == null ? 0 : Math.max(1, loc.getLineNr());
      int col = loc == null ? 0 : Math.max(1, loc.getColumnNr());
      String limit = String.valueOf(e.getOriginalMessage()).replaceAll(",? *from `[^`]*`", "");
      throw new ModelException(Diagnostic.error("E302", new Span(file, line, col, 1), "malformed YAML: " + limit)
          .withHint("a scenario needs only a few levels: its keys, a list of changes or events, and their fields"));
    } catch (JsonProcessingException e) {
      JsonLocation loc = e.getLocation();
      int line = loc == null ? 0 : Math.max(1, loc.getLineNr());
      int col = loc == null ? 0 : Math.max(1, loc.getColumnNr());
      throw new ModelException(Diagnostic.error("E302", new Span(file, line, col, 1), "malformed YAML: " + problem(e))
          .withHint("check the indentation and that every '{' or '[' is closed"));
    } catch (IOException e) {
      throw new ModelException(Diagnostic.error("E303", new Span(file, 0, 0, 0), "cannot read YAML: " + e.getMessage()));
    }
  }

  /**
   * What went wrong, from SnakeYAML's problem text ("expected ',' or '}', but got <stream end>")
   * and its context ("while parsing a flow mapping" at line 7); Jackson's own message starts with
   * the context alone, which does not say what is wrong.
   */
  static String problem(JsonProcessingException e) {
    if (e.getCause() instanceof MarkedYAMLException y && y.getProblem() != null) {
      String problem = y.getProblem().replace("<stream end>", "the end of the file");
      if (y.getContext() == null) {
        return problem;
      }
      Mark at = y.getContextMark();
      return problem + " (" + y.getContext() + (at == null ? "" : " that starts at line " + (at.getLine() + 1)) + ")";
    }
    String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    if (original.startsWith("Expected a field name")) {
      // Jackson's text names SnakeYAML's event classes
      return "a key must be a name or a number, not a map or a list";
    }
    return original.lines().filter(l -> l.startsWith("expected") || l.contains("found") || l.contains("but got"))
        .findFirst().orElse(original.lines().findFirst().orElse("malformed YAML"));
  }

  private static Node read(JsonParser p, SourceFile file) throws IOException {
    Span span = span(p.currentTokenLocation(), file, p.getText());
    refuseAlias(p, span);
    JsonToken t = p.currentToken();
    if (t == JsonToken.START_OBJECT) {
      Map<String, Field> map = new LinkedHashMap<>();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        Span keySpan = span(p.currentTokenLocation(), file, key);
        refuseAlias(p, keySpan);
        p.nextToken();
        Field first = map.get(key);
        if (first != null) {
          throw new ModelException(Diagnostic.error("E351", keySpan, "key '" + key + "' is given twice")
              .withHint("the first is at " + first.keySpan().where() + "; keep one of them"));
        }
        Node value = read(p, file);
        map.put(key, new Field(keySpan, value));
      }
      return new Node(map, span);
    }
    if (t == JsonToken.START_ARRAY) {
      List<Node> list = new ArrayList<>();
      while (p.nextToken() != JsonToken.END_ARRAY) {
        list.add(read(p, file));
      }
      return new Node(list, span);
    }
    Object scalar = switch (t) {
      case VALUE_NUMBER_INT -> p.getNumberValue();
      case VALUE_NUMBER_FLOAT -> floatValue(p);
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NULL -> null;
      default -> p.getText();
    };
    return new Node(scalar, span);
  }

  /**
   * An alias ({@code *name}) stands for the value anchored as {@code &name} elsewhere. The
   * streaming parser gives only the name, which would be read as the text "name"; expanded, a
   * few lines of nested aliases become billions of values. A scenario spells its values out.
   */
  private static void refuseAlias(JsonParser p, Span span) throws IOException {
    if (p instanceof YAMLParser y && y.isCurrentAlias()) {
      String name = p.currentToken() == JsonToken.FIELD_NAME ? p.currentName() : y.getText();
      throw new ModelException(Diagnostic.error("E336", new Span(span.file(), span.line(), span.col(),
          name == null ? 1 : name.length() + 1), "'*" + name + "' is a YAML alias; scenarios do not read aliases")
          .withHint("write the value out in full here (an alias repeats the value marked &" + name + ")"));
    }
  }

  /** A float, with YAML's .nan and .inf as NaN and infinity (the scenario reader rejects them). */
  private static Number floatValue(JsonParser p) throws IOException {
    String text = p.getText().trim().toLowerCase();
    if (text.equals(".nan")) {
      return Double.NaN;
    }
    if (text.matches("[-+]?\\.inf")) {
      return text.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    return p.getNumberValue();
  }

  private static Span span(JsonLocation loc, SourceFile file, String text) {
    int len = text == null ? 1 : Math.max(1, text.length());
    return new Span(file, (int) Math.max(1, loc.getLineNr()), (int) Math.max(1, loc.getColumnNr()), len);
  }
}
