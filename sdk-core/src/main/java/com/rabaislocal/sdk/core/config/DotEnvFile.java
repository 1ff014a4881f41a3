package com.rabaislocal.sdk.core.config;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A {@code .env} file: {@code KEY=VALUE} lines, blank lines and {@code #} comments, an optional {@code export }
 * prefix, single-quoted (literal) or double-quoted (with {@code \n \r \t \" \\} escapes) values, and {@code #}
 * comments after a whitespace in unquoted values. Parsed content is cached and re-read only when the file's
 * modification time, size or identity changes.
 */
final class DotEnvFile {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");

    /** One entry with the line it came from. Masked toString: values may be credentials. */
    record Entry(String value, int line) {
        @Override
        public String toString() {
            return "Entry[line " + line + "]";
        }
    }

    /** What the file said at one point in time. */
    record Contents(Map<String, Entry> entries, List<String> problems, boolean present, Object state) {
        static Contents absent() {
            return new Contents(Map.of(), List.of(), false, null);
        }
    }

    private record FileState(FileTime modified, long size, Object fileKey) {
    }

    private final Path path;
    private final boolean required;
    private Contents cached;

    DotEnvFile(Path path, boolean required) {
        this.path = Objects.requireNonNull(path, "path").toAbsolutePath().normalize();
        this.required = required;
    }

    Path path() {
        return path;
    }

    boolean required() {
        return required;
    }

    /**
     * Returns the file's current contents, re-parsing only when the file changed since the last call. A missing
     * optional file has no entries and no problems; a missing required file is one problem.
     */
    synchronized Contents read() {
        FileState state;
        try {
            BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
            state = new FileState(a.lastModifiedTime(), a.size(), a.fileKey());
        } catch (NoSuchFileException e) {
            cached = required
                    ? new Contents(Map.of(), List.of(".env file " + path + " does not exist"), false, null)
                    : Contents.absent();
            return cached;
        } catch (IOException e) {
            cached = new Contents(Map.of(), List.of(".env file " + path + " cannot be read: "
                    + e.getClass().getSimpleName()), false, null);
            return cached;
        }
        if (cached != null && state.equals(cached.state())) {
            return cached;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            cached = new Contents(Map.of(), List.of(".env file " + path + " is not valid UTF-8"), true, state);
            return cached;
        } catch (IOException e) {
            cached = new Contents(Map.of(), List.of(".env file " + path + " cannot be read: "
                    + e.getClass().getSimpleName()), false, state);
            return cached;
        }
        Contents parsed = parse(lines, path.toString());
        cached = new Contents(parsed.entries(), parsed.problems(), true, state);
        return cached;
    }

    /**
     * Parses lines; every malformed line becomes one problem naming the file and line number (and the variable
     * when it is one the SDK reads), never the line's content. A later duplicate key wins, as in a shell.
     */
    static Contents parse(List<String> lines, String label) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            int lineNo = i + 1;
            String line = lines.get(i);
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            if (t.startsWith("export ") || t.startsWith("export\t")) {
                t = t.substring("export".length()).strip();
            }
            int eq = t.indexOf('=');
            if (eq < 0) {
                problems.add(where(label, lineNo, null) + "expected KEY=VALUE but found no '='");
                continue;
            }
            String name = t.substring(0, eq).strip();
            if (!NAME.matcher(name).matches()) {
                problems.add(where(label, lineNo, null)
                        + "the variable name must be letters, digits, '_' or '.', not starting with a digit");
                continue;
            }
            String rest = t.substring(eq + 1).strip();
            String error;
            String value;
            if (rest.startsWith("\"") || rest.startsWith("'")) {
                char quote = rest.charAt(0);
                StringBuilder sb = new StringBuilder();
                int close = quote == '"' ? unescapeDoubleQuoted(rest, sb) : rest.indexOf('\'', 1);
                if (close < 0) {
                    error = "unterminated " + (quote == '"' ? "double" : "single")
                            + " quote (values cannot span several lines)";
                    value = null;
                } else {
                    String after = rest.substring(close + 1).strip();
                    if (!after.isEmpty() && !after.startsWith("#")) {
                        error = "unexpected text after the closing quote";
                        value = null;
                    } else {
                        error = null;
                        value = quote == '"' ? sb.toString() : rest.substring(1, close);
                    }
                }
            } else {
                error = null;
                value = stripInlineComment(rest);
            }
            if (error != null) {
                problems.add(where(label, lineNo, name) + error);
            } else {
                entries.put(name, new Entry(value, lineNo));
            }
        }
        return new Contents(Map.copyOf(entries), List.copyOf(problems), true, null);
    }

    /** Reads a double-quoted value into {@code out}; returns the index of the closing quote, or -1. */
    private static int unescapeDoubleQuoted(String s, StringBuilder out) {
        for (int j = 1; j < s.length(); j++) {
            char c = s.charAt(j);
            if (c == '"') {
                return j;
            }
            if (c == '\\' && j + 1 < s.length()) {
                char n = s.charAt(++j);
                switch (n) {
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case '"', '\\' -> out.append(n);
                    default -> out.append('\\').append(n);
                }
            } else {
                out.append(c);
            }
        }
        return -1;
    }

    /** An unquoted value ends where a {@code #} follows whitespace; a {@code #} inside a word is kept. */
    private static String stripInlineComment(String v) {
        for (int j = 1; j < v.length(); j++) {
            if (v.charAt(j) == '#' && Character.isWhitespace(v.charAt(j - 1))) {
                return v.substring(0, j).strip();
            }
        }
        return v.startsWith("#") ? "" : v;
    }

    private static String where(String label, int lineNo, String name) {
        // Name the variable only when the SDK reads it: an unknown "name" may be a credential pasted by mistake.
        boolean known = name != null && ConfigKey.byName(name).isPresent();
        return ".env file " + label + ", line " + lineNo + (known ? " (" + name + ")" : "") + ": ";
    }

    @Override
    public String toString() {
        return ".env file " + path;
    }
}
