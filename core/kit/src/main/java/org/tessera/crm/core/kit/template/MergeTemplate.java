package org.tessera.crm.core.kit.template;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.core.api.ValidationException;

/**
 * A text with merge fields, parsed once and rendered many times (a campaign renders one per
 * member). {@code {{party.firstName}}} is a field: a dotted path into the model;
 * {@code {{party.firstName|Madame, Monsieur}}} renders the text after the bar when the value is
 * missing or blank; {@code {{{unsubscribeUrl}}}} inserts the value without HTML escaping, for values
 * the module itself made safe. Everything else is literal and never escaped, so an HTML body stays
 * HTML while the values put into it cannot inject markup.
 *
 * <p>Immutable and thread-safe.
 */
public final class MergeTemplate {
    private static final int MAX_PATH_LENGTH = 200;

    private final String field;
    private final List<Part> parts;

    private MergeTemplate(String field, List<Part> parts) {
        this.field = field;
        this.parts = parts;
    }

    /**
     * Parses {@code source}; a brace left open, an empty or malformed path is refused with a
     * {@link ValidationException} naming {@code field} (the API field the template came from, such
     * as {@code body}) and the line and column.
     */
    public static MergeTemplate parse(String field, String source) {
        Objects.requireNonNull(field, "field");
        if (source == null) {
            throw new ValidationException(FieldError.required(field));
        }
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < source.length()) {
            int open = source.indexOf("{{", i);
            if (open < 0) {
                literal.append(source, i, source.length());
                break;
            }
            literal.append(source, i, open);
            boolean raw = source.startsWith("{{{", open);
            String closing = raw ? "}}}" : "}}";
            int start = open + closing.length();
            int close = source.indexOf(closing, start);
            int nextOpen = source.indexOf("{{", start);
            if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
                throw refused(field, source, open, "a merge field opened here is not closed with " + closing);
            }
            if (!literal.isEmpty()) {
                parts.add(new Literal(literal.toString()));
                literal.setLength(0);
            }
            parts.add(fieldPart(field, source, open, source.substring(start, close), raw));
            i = close + closing.length();
        }
        if (!literal.isEmpty()) {
            parts.add(new Literal(literal.toString()));
        }
        return new MergeTemplate(field, List.copyOf(parts));
    }

    private static Field fieldPart(String field, String source, int at, String inside, boolean raw) {
        int bar = inside.indexOf('|');
        String path = (bar < 0 ? inside : inside.substring(0, bar)).strip();
        String fallback = bar < 0 ? null : inside.substring(bar + 1);
        if (path.isEmpty()) {
            throw refused(field, source, at, "a merge field needs a path, such as {{party.firstName}}");
        }
        if (path.length() > MAX_PATH_LENGTH || !validPath(path)) {
            throw refused(field, source, at, "'" + abbreviate(path) + "' is not a merge field path: names of letters,"
                    + " digits, _ or -, separated by dots");
        }
        return new Field(path, fallback, raw);
    }

    private static boolean validPath(String path) {
        for (String segment : path.split("\\.", -1)) {
            if (segment.isEmpty()) {
                return false;
            }
            for (int c = 0; c < segment.length(); c++) {
                char ch = segment.charAt(c);
                if (!Character.isLetterOrDigit(ch) && ch != '_' && ch != '-') {
                    return false;
                }
            }
        }
        return true;
    }

    private static ValidationException refused(String field, String source, int offset, String message) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < offset; i++) {
            if (source.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new ValidationException(new FieldError(field, "template", message + " (line " + line + ", column " + column + ")"));
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    /** The merge-field paths the template uses, each once, in order of first use. */
    public List<String> paths() {
        Set<String> paths = new LinkedHashSet<>();
        for (Part part : parts) {
            if (part instanceof Field f) {
                paths.add(f.path);
            }
        }
        return List.copyOf(paths);
    }

    /**
     * Refuses, naming this template's field, a merge field whose first segment is not one of
     * {@code roots} or, when {@code known} is not null, whose whole path is not in {@code known}
     * (a module lists the fields it fills so that a typo is caught when the template is saved, not
     * when a thousand letters go out with a blank).
     *
     * @return this template, to chain after {@link #parse}
     */
    public MergeTemplate requireKnown(Set<String> roots, Set<String> known) {
        List<FieldError> errors = new ArrayList<>();
        for (String path : paths()) {
            String root = path.contains(".") ? path.substring(0, path.indexOf('.')) : path;
            if (!roots.contains(root)) {
                errors.add(new FieldError(field, "template", "unknown merge field {{" + path + "}}: it must start with one of "
                        + String.join(", ", sorted(roots))));
            } else if (known != null && !known.contains(path)) {
                errors.add(new FieldError(field, "template", "unknown merge field {{" + path + "}}"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return this;
    }

    private static List<String> sorted(Set<String> values) {
        List<String> list = new ArrayList<>(values);
        Collections.sort(list);
        return list;
    }

    /** Renders with {@code values} giving each path's value (null when missing). */
    public String render(Function<String, Object> values, Escaping escaping) {
        StringBuilder out = new StringBuilder();
        for (Part part : parts) {
            if (part instanceof Literal literal) {
                out.append(literal.text);
            } else {
                Field f = (Field) part;
                Object value = values.apply(f.path);
                String text = value == null ? "" : String.valueOf(value);
                if (text.isBlank() && f.fallback != null) {
                    text = f.fallback;
                }
                out.append(escaping == Escaping.HTML && !f.raw ? escapeHtml(text) : text);
            }
        }
        return out.toString();
    }

    /** Renders from a nested model: the path {@code a.b} is {@code model.get("a").get("b")}. */
    public String render(Map<String, ?> model, Escaping escaping) {
        return render(path -> lookup(model, path), escaping);
    }

    /** The value at a dotted path of nested maps, or null when a step is missing or not a map. */
    public static Object lookup(Map<String, ?> model, String path) {
        Object current = model;
        for (String segment : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(segment);
        }
        return current;
    }

    /** Escapes the five characters that let text open markup or leave an attribute value. */
    public static String escapeHtml(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (replacement != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (replacement != null) {
                    out.append(replacement);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }

    private sealed interface Part permits Literal, Field {
    }

    private record Literal(String text) implements Part {
    }

    private record Field(String path, String fallback, boolean raw) implements Part {
    }
}
