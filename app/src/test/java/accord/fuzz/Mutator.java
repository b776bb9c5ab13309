package accord.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Malformed variants of a model (.acc) or scenario (.yaml) file: one mutation of one kind,
 * chosen by a seeded {@link Random}, so that a case is replayed from its seed alone. The result
 * is bytes, since some kinds change the encoding.
 */
final class Mutator {

  /** What a mutation does to the file. */
  enum Kind {
    DELETE_TOKEN, DUPLICATE_TOKEN, SWAP_NAMES, REPLACE_NAME, EXTREME_NUMBER, DEEP_NESTING, LONG_SUM, RANDOM_BYTES,
    CONTROL_CHARACTERS, WRONG_ENCODING, INVALID_UTF8, YAML_ALIAS, ALIAS_BOMB, WRONG_TYPE, TRUNCATE, LINES, EMPTY;

    boolean appliesTo(boolean yaml) {
      return switch (this) {
        case YAML_ALIAS, ALIAS_BOMB, WRONG_TYPE -> yaml;
        case LONG_SUM -> !yaml;
        default -> true;
      };
    }
  }

  /** One malformed file: its kind, what was done (for the failure message) and its bytes. */
  record Mutation(Kind kind, String what, byte[] bytes) {
    String text() {
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  /** Strings, names, numbers (without sign) and single punctuation characters, outside comments. */
  private static final Pattern TOKEN = Pattern.compile(
      "#[^\\n]*|\"(?:[^\"\\\\\\n]|\\\\.)*\"|'[^'\\n]*'|[A-Za-z_][A-Za-z0-9_]*"
          + "|\\d+(?:\\.\\d*)?(?:[eE][-+]?\\d+)?|\\.\\d+(?:[eE][-+]?\\d+)?|[^\\sA-Za-z0-9_]");
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern NUMBER = Pattern.compile("\\.?\\d.*");

  /** Numbers at and past the edges of a double, non-finite ones in both languages' spellings, odd forms. */
  static final List<String> EXTREME_NUMBERS = List.of("1e400", "-1e400", "1e-400", "1.7976931348623157e308",
      "4.9e-324", "99999999999999999999999999999", "-9223372036854775809", "9223372036854775807", "2147483648", "NaN",
      "nan", ".nan", ".NaN", "Infinity", "-Infinity", "inf", ".inf", "-.inf", "-0", "-0.0", "0", "1e308", "0x10",
      "1_000", "1e", "1.2.3", "+5", "--5", "0.000000000000000000000000000001", "1" + "0".repeat(400), "1e99999999999");

  private static final List<String> ODD_CHARACTERS = List.of("\t", "\u0000", "\r", "\f", "\u000b", "\u2028", "\u200b",
      "\u202e", "\ufeff", "\ud83d\ude00", "\u00e9", "\u00a0", "\\", "\"", "'", "%", "@", "`", "{", "}", "[", "]", ":",
      "- ", "&", "*", "!", "|", ">", "?");

  private Mutator() {
  }

  /** A mutation of {@code text} of the given kind; {@code yaml} says which language the file is in. */
  static Mutation mutate(String text, boolean yaml, Kind kind, Random r) {
    List<int[]> tokens = tokens(text);
    return switch (kind) {
      case DELETE_TOKEN -> {
        int[] t = pick(tokens, r);
        yield utf8(kind, "deleted '" + text.substring(t[0], t[1]) + "' at " + t[0], splice(text, t[0], t[1], ""));
      }
      case DUPLICATE_TOKEN -> {
        int[] t = pick(tokens, r);
        String tok = text.substring(t[0], t[1]);
        // numbers apart (200 200, not 200200: a valid run of 200,200 periods is long, not malformed)
        String sep = r.nextBoolean() || NUMBER.matcher(tok).matches() ? " " : "";
        yield utf8(kind, "duplicated '" + tok + "' at " + t[0], splice(text, t[0], t[1], tok + sep + tok));
      }
      case SWAP_NAMES -> swapNames(text, tokens, r);
      case REPLACE_NAME -> replaceName(text, tokens, r);
      case EXTREME_NUMBER -> {
        List<int[]> numbers = tokens.stream().filter(t -> NUMBER.matcher(text.substring(t[0], t[1])).matches()).toList();
        int[] t = pick(numbers.isEmpty() ? tokens : numbers, r);
        String n = EXTREME_NUMBERS.get(r.nextInt(EXTREME_NUMBERS.size()));
        yield utf8(kind, "'" + text.substring(t[0], t[1]) + "' at " + t[0] + " -> " + n, splice(text, t[0], t[1], n));
      }
      case DEEP_NESTING -> deepNesting(text, yaml, tokens, r);
      case LONG_SUM -> {
        List<int[]> numbers = tokens.stream().filter(t -> NUMBER.matcher(text.substring(t[0], t[1])).matches()).toList();
        int[] t = pick(numbers.isEmpty() ? tokens : numbers, r);
        int terms = new int[] {10, 1_000, 5_000, 100_000}[r.nextInt(4)];
        String sum = "0" + " + 0".repeat(terms - 1);
        yield utf8(kind, "a sum of " + terms + " terms at " + t[0], splice(text, t[0], t[0], sum + " + "));
      }
      case RANDOM_BYTES -> {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        int at = r.nextInt(b.length + 1);
        byte[] junk = new byte[1 + r.nextInt(r.nextInt(8) == 0 ? 4096 : 16)];
        r.nextBytes(junk);
        boolean replace = r.nextBoolean() && at + junk.length <= b.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(b, 0, at);
        out.writeBytes(junk);
        int rest = replace ? at + junk.length : at;
        out.write(b, rest, b.length - rest);
        yield new Mutation(kind, (replace ? "replaced " : "inserted ") + junk.length + " random bytes at byte " + at,
            out.toByteArray());
      }
      case CONTROL_CHARACTERS -> {
        String c = ODD_CHARACTERS.get(r.nextInt(ODD_CHARACTERS.size()));
        int at = r.nextBoolean() && !tokens.isEmpty() ? pick(tokens, r)[0] : r.nextInt(text.length() + 1);
        yield utf8(kind, "inserted U+" + Integer.toHexString(c.codePointAt(0)) + " at " + at, splice(text, at, at, c));
      }
      case WRONG_ENCODING -> {
        int which = r.nextInt(6);
        // accented letters in a comment and in a name, so that Latin-1 differs from UTF-8
        int[] t = pick(names(text, tokens), r);
        String withAccent = splice(text, t[1], t[1], "\u00e9") + "\n# d\u00e9j\u00e0 vu\n";
        yield switch (which) {
          case 0 -> new Mutation(kind, "UTF-16LE with a byte-order mark", concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
              text.getBytes(StandardCharsets.UTF_16LE)));
          case 1 -> new Mutation(kind, "UTF-16BE with a byte-order mark", concat(new byte[] {(byte) 0xFE, (byte) 0xFF},
              text.getBytes(StandardCharsets.UTF_16BE)));
          case 2 -> new Mutation(kind, "UTF-16LE without a byte-order mark", text.getBytes(StandardCharsets.UTF_16LE));
          case 3 -> new Mutation(kind, "Latin-1 with accented letters", withAccent.getBytes(StandardCharsets.ISO_8859_1));
          case 4 -> new Mutation(kind, "UTF-8 with a byte-order mark", concat(new byte[] {(byte) 0xEF, (byte) 0xBB,
              (byte) 0xBF}, text.getBytes(StandardCharsets.UTF_8)));
          default -> new Mutation(kind, "UTF-32BE", text.getBytes(java.nio.charset.Charset.forName("UTF-32BE")));
        };
      }
      case INVALID_UTF8 -> {
        byte[][] bad = {{(byte) 0x80}, {(byte) 0xC3, (byte) 0x28}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xFF},
            {(byte) 0xE2, (byte) 0x82}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80}};
        byte[] seq = bad[r.nextInt(bad.length)];
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        int at = tokens.isEmpty() ? 0 : text.substring(0, pick(tokens, r)[0]).getBytes(StandardCharsets.UTF_8).length;
        yield new Mutation(kind, "invalid UTF-8 " + hex(seq) + " at byte " + at,
            concat(concat(java.util.Arrays.copyOf(b, at), seq), java.util.Arrays.copyOfRange(b, at, b.length)));
      }
      case YAML_ALIAS -> yamlAlias(text, tokens, r);
      case ALIAS_BOMB -> aliasBomb(text, r);
      case WRONG_TYPE -> wrongType(text, tokens, r);
      case TRUNCATE -> {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        int at = r.nextInt(b.length + 1);
        yield new Mutation(kind, "truncated at byte " + at + " of " + b.length, java.util.Arrays.copyOf(b, at));
      }
      case LINES -> lines(text, r);
      case EMPTY -> {
        String[] forms = {"", " ", "\n\n\n", "# only a comment\n", "\t\n", yaml ? "---\n" : ";", yaml ? "~\n" : "model",
            yaml ? "[]\n" : "=", yaml ? "{}\n" : "()", yaml ? "--- !!binary aGVsbG8=\n" : "model X \"doc\"\n"};
        int i = r.nextInt(forms.length);
        yield utf8(kind, "the file holds only " + quote(forms[i]), forms[i]);
      }
    };
  }

  private static Mutation utf8(Kind kind, String what, String text) {
    return new Mutation(kind, what, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Token positions {start, end}, leaving out comments (mutating them rarely tests anything). */
  static List<int[]> tokens(String text) {
    List<int[]> out = new ArrayList<>();
    Matcher m = TOKEN.matcher(text);
    while (m.find()) {
      if (!m.group().startsWith("#")) {
        out.add(new int[] {m.start(), m.end()});
      }
    }
    return out;
  }

  private static int[] pick(List<int[]> tokens, Random r) {
    return tokens.isEmpty() ? new int[] {0, 0} : tokens.get(r.nextInt(tokens.size()));
  }

  private static String splice(String text, int from, int to, String with) {
    return text.substring(0, from) + with + text.substring(to);
  }

  private static List<int[]> names(String text, List<int[]> tokens) {
    return tokens.stream().filter(t -> NAME.matcher(text.substring(t[0], t[1])).matches()).toList();
  }

  private static Mutation swapNames(String text, List<int[]> tokens, Random r) {
    List<int[]> names = names(text, tokens);
    if (names.size() < 2) {
      return utf8(Kind.SWAP_NAMES, "no names to swap", text);
    }
    int i = r.nextInt(names.size());
    int j = r.nextInt(names.size());
    int[] a = names.get(Math.min(i, j));
    int[] b = names.get(Math.max(i, j));
    if (a == b) {
      return utf8(Kind.SWAP_NAMES, "swapped a name with itself", text);
    }
    String x = text.substring(a[0], a[1]);
    String y = text.substring(b[0], b[1]);
    String out = text.substring(0, a[0]) + y + text.substring(a[1], b[0]) + x + text.substring(b[1]);
    return utf8(Kind.SWAP_NAMES, "swapped '" + x + "' at " + a[0] + " and '" + y + "' at " + b[0], out);
  }

  private static Mutation replaceName(String text, List<int[]> tokens, Random r) {
    List<int[]> names = names(text, tokens);
    if (names.isEmpty()) {
      return utf8(Kind.REPLACE_NAME, "no names", text);
    }
    int[] a = pick(names, r);
    String old = text.substring(a[0], a[1]);
    String[] inventions = {old + "x", old.toUpperCase(), old.substring(0, Math.max(1, old.length() - 1)), "_", "end",
        "model", "sum", "in", "true", "null", "lag", "log", "foo", "Region", "world-2024", "x".repeat(5000)};
    // another name of the file half the time (a wrong but declared name), else a made-up or reserved one
    int[] b = pick(names, r);
    String with = r.nextBoolean() ? text.substring(b[0], b[1]) : inventions[r.nextInt(inventions.length)];
    return utf8(Kind.REPLACE_NAME, "'" + old + "' at " + a[0] + " -> '" + abbreviate(with) + "'",
        splice(text, a[0], a[1], with));
  }

  private static Mutation deepNesting(String text, boolean yaml, List<int[]> tokens, Random r) {
    int depth = new int[] {50, 500, 3_000, 20_000}[r.nextInt(4)];
    List<int[]> numbers = tokens.stream().filter(t -> NUMBER.matcher(text.substring(t[0], t[1])).matches()).toList();
    int[] t = pick(numbers.isEmpty() ? tokens : numbers, r);
    String tok = text.substring(t[0], t[1]);
    String nested;
    String form;
    if (yaml) {
      switch (r.nextInt(3)) {
        case 0 -> {
          nested = "[".repeat(depth) + tok + "]".repeat(depth);
          form = "flow sequences";
        }
        case 1 -> {
          nested = "{a: ".repeat(depth) + tok + "}".repeat(depth);
          form = "flow maps";
        }
        default -> {
          StringBuilder sb = new StringBuilder("\n");
          for (int i = 1; i <= Math.min(depth, 2_000); i++) {
            sb.append(" ".repeat(i)).append("k").append(i).append(":\n");
          }
          nested = sb.append(" ".repeat(Math.min(depth, 2_000) + 1)).append(tok).toString();
          form = "block maps";
        }
      }
    } else {
      switch (r.nextInt(4)) {
        case 0 -> {
          nested = "(".repeat(depth) + tok + ")".repeat(depth);
          form = "parentheses";
        }
        case 1 -> {
          nested = "-".repeat(depth) + tok;
          form = "unary minus signs";
        }
        case 2 -> {
          nested = (tok + "^").repeat(depth) + tok;
          form = "powers";
        }
        default -> {
          nested = "log(".repeat(depth) + tok + ")".repeat(depth);
          form = "function calls";
        }
      }
    }
    return utf8(Kind.DEEP_NESTING, depth + " nested " + form + " at " + t[0], splice(text, t[0], t[1], nested));
  }

  private static Mutation yamlAlias(String text, List<int[]> tokens, Random r) {
    // a scalar value after ': ' gets an anchor, and another value becomes its alias (or an undefined one)
    List<int[]> values = tokens.stream().filter(t -> t[0] >= 2 && text.startsWith(": ", t[0] - 2)).toList();
    if (values.size() < 2) {
      return utf8(Kind.YAML_ALIAS, "alias of an undefined anchor at the end", text + "\nextra: *nowhere\n");
    }
    int[] a = values.get(r.nextInt(values.size()));
    int[] b = values.get(r.nextInt(values.size()));
    int form = r.nextInt(4);
    if (form == 0 || a == b) {
      return utf8(Kind.YAML_ALIAS, "alias of an undefined anchor at " + b[0], splice(text, b[0], b[1], "*undefined"));
    }
    String alias = form == 1 ? "*a" : form == 2 ? "{<<: *a}" : "[*a, *a]";
    int[] first = a[0] < b[0] ? a : b;
    int[] second = a[0] < b[0] ? b : a;
    String out = text.substring(0, first[0]) + "&a " + text.substring(first[0], second[0]) + alias
        + text.substring(second[1]);
    return utf8(Kind.YAML_ALIAS, "anchored the value at " + first[0] + ", " + alias + " at " + second[0], out);
  }

  /** A billion-laughs document: ten levels of ten aliases each, 10^10 strings if expanded. */
  static String bomb(String key) {
    StringBuilder sb = new StringBuilder();
    sb.append("l0: &l0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (int i = 1; i < 10; i++) {
      sb.append("l").append(i).append(": &l").append(i).append(" [");
      for (int k = 0; k < 10; k++) {
        sb.append(k == 0 ? "" : ",").append("*l").append(i - 1);
      }
      sb.append("]\n");
    }
    return sb.append(key).append(": *l9\n").toString();
  }

  private static Mutation aliasBomb(String text, Random r) {
    String[] keys = {"set", "events", "periods", "model", "values", "note"};
    String key = keys[r.nextInt(keys.length)];
    // the bomb replaces the key's own line where the file has one (so no key is given twice)
    String without = text.replaceAll("(?m)^" + key + ":.*(\\n[ \\-].*)*", "");
    return utf8(Kind.ALIAS_BOMB, "billion-laughs aliases under '" + key + "'", without + "\n" + bomb(key));
  }

  private static Mutation wrongType(String text, List<int[]> tokens, Random r) {
    List<int[]> values = tokens.stream().filter(t -> t[0] >= 2 && text.startsWith(": ", t[0] - 2)).toList();
    int[] t = pick(values.isEmpty() ? tokens : values, r);
    String[] with = {"[]", "{}", "[1, 2]", "{x: 1}", "null", "~", "true", "\"\"", "\"5\"", "'2025Q2'", "2025Q9", "0Q1",
        "!!binary aGVsbG8=", "!!float 1", "!!str", "2025-04-01", "12:30:00", "0o17", "yes", "off", "|\n  text\n"};
    String w = with[r.nextInt(with.length)];
    return utf8(Kind.WRONG_TYPE, "'" + text.substring(t[0], t[1]) + "' at " + t[0] + " -> " + quote(w),
        splice(text, t[0], t[1], w));
  }

  private static Mutation lines(String text, Random r) {
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    int i = r.nextInt(lines.size());
    int j = r.nextInt(lines.size());
    String what;
    switch (r.nextInt(4)) {
      case 0 -> {
        what = "deleted line " + (i + 1);
        lines.remove(i);
      }
      case 1 -> {
        what = "line " + (i + 1) + " twice";
        lines.add(i, lines.get(i));
      }
      case 2 -> {
        what = "swapped lines " + (i + 1) + " and " + (j + 1);
        String x = lines.get(i);
        lines.set(i, lines.get(j));
        lines.set(j, x);
      }
      default -> {
        String indent = new String[] {" ", "  ", "\t", "    "}[r.nextInt(4)];
        what = (r.nextBoolean() ? "indented" : "dedented") + " line " + (i + 1);
        lines.set(i, what.startsWith("i") ? indent + lines.get(i) : lines.get(i).stripLeading());
      }
    }
    return utf8(Kind.LINES, what, String.join("\n", lines));
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static String hex(byte[] b) {
    StringBuilder sb = new StringBuilder();
    for (byte x : b) {
      sb.append(String.format("%02X", x & 0xFF));
    }
    return sb.toString();
  }

  private static String quote(String s) {
    return "\"" + abbreviate(s).replace("\n", "\\n").replace("\t", "\\t") + "\"";
  }

  private static String abbreviate(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "... (" + s.length() + " characters)" : s;
  }
}
