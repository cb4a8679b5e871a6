package org.tessera.crm.core.impl.outbox;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Event properties as JSON text in the outbox, and back with their Java types, so that an Event
 * Admin subscriber reads the same values as when events were posted directly: each property is
 * {@code "name": ["<type>", "<value>", ...]}, the type one of {@code S L I B D F S[]}; a list of
 * strings comes back as a {@code String[]}, like the changed fields. Any other value is kept as its
 * string form.
 */
final class EventCodec {
    private EventCodec() {
    }

    static String encode(Map<String, Object> properties) {
        StringBuilder json = new StringBuilder("{");
        String separator = "";
        for (Map.Entry<String, Object> property : new TreeMap<>(properties).entrySet()) {
            if (property.getValue() == null) {
                continue;
            }
            json.append(separator);
            separator = ",";
            quote(json, property.getKey());
            json.append(":[");
            List<String> typed = typed(property.getValue());
            for (int i = 0; i < typed.size(); i++) {
                if (i > 0) {
                    json.append(',');
                }
                quote(json, typed.get(i));
            }
            json.append(']');
        }
        return json.append('}').toString();
    }

    private static List<String> typed(Object value) {
        List<String> typed = new ArrayList<>();
        if (value instanceof String[] strings) {
            typed.add("S[]");
            typed.addAll(List.of(strings));
        } else if (value instanceof Collection<?> items) {
            typed.add("S[]");
            items.forEach(item -> typed.add(String.valueOf(item)));
        } else {
            typed.add(value instanceof Long ? "L" : value instanceof Integer ? "I" : value instanceof Boolean ? "B"
                    : value instanceof BigDecimal ? "D" : value instanceof Double ? "F" : "S");
            typed.add(value instanceof BigDecimal decimal ? decimal.toPlainString() : String.valueOf(value));
        }
        return typed;
    }

    static Map<String, Object> decode(String json) {
        Reader reader = new Reader(json);
        Map<String, Object> properties = new LinkedHashMap<>();
        reader.expect('{');
        if (!reader.consume('}')) {
            do {
                String name = reader.string();
                reader.expect(':');
                reader.expect('[');
                List<String> typed = new ArrayList<>();
                do {
                    typed.add(reader.string());
                } while (reader.consume(','));
                reader.expect(']');
                properties.put(name, value(typed));
            } while (reader.consume(','));
            reader.expect('}');
        }
        return properties;
    }

    private static Object value(List<String> typed) {
        String type = typed.get(0);
        if (type.equals("S[]")) {
            return typed.subList(1, typed.size()).toArray(String[]::new);
        }
        String text = typed.get(1);
        return switch (type) {
            case "L" -> Long.valueOf(text);
            case "I" -> Integer.valueOf(text);
            case "B" -> Boolean.valueOf(text);
            case "D" -> new BigDecimal(text);
            case "F" -> Double.valueOf(text);
            default -> text;
        };
    }

    private static void quote(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        json.append('"');
    }

    /** Reads back what {@link #encode} wrote: objects of arrays of strings. */
    private static final class Reader {
        private final String text;
        private int at;

        Reader(String text) {
            this.text = text;
        }

        void expect(char c) {
            if (!consume(c)) {
                throw new IllegalArgumentException("expected '" + c + "' at " + at + " of outbox properties");
            }
        }

        boolean consume(char c) {
            if (at < text.length() && text.charAt(at) == c) {
                at++;
                return true;
            }
            return false;
        }

        String string() {
            expect('"');
            StringBuilder value = new StringBuilder();
            while (true) {
                char c = text.charAt(at++);
                if (c == '"') {
                    return value.toString();
                }
                if (c == '\\') {
                    char escaped = text.charAt(at++);
                    if (escaped == 'u') {
                        value.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                        at += 4;
                    } else {
                        value.append(escaped);
                    }
                } else {
                    value.append(c);
                }
            }
        }
    }
}
