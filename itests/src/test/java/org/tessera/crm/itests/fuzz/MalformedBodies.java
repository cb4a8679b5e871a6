package org.tessera.crm.itests.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Bodies with one defect each, made from a plausible sample body: a field of the wrong type,
 * missing or unknown, a huge or out-of-range value, nesting, invalid UTF-8, a bad date or enum,
 * or a body that is not a JSON object at all.
 */
final class MalformedBodies {
    /** Replaced, quotes included, by raw text or bytes after serialization. */
    private static final String RAW = "\u0000fuzz-raw\u0000";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final String[] SCALAR_BODIES = {"null", "true", "0", "-1", "\"text\"", "[]", "[null]", "[{}]", "[1,2]",
        "{}", "{\"\":null}", "\"\"", "1e3"};
    private static final String[] MALFORMED = {"{", "{\"a\":", "{\"a\" 1}", "{'a': 1}", "{a: 1}", "{\"a\":1,}", "[1,]",
        "{\"a\":NaN}", "{\"a\":Infinity}", "{\"a\":01}", "{/* c */}", "{} {}", "\uFEFF{}", "nul", "{\"a\":\"\\x\"}",
        "{\"a\":\"\\uZZZZ\"}", "{\"a\":tru}", "]", "\"unterminated", "{\"a\":1}}"};
    private static final String[] BAD_DATES = {"2024-02-30", "2024-13-01", "0000-00-00", "-999999999-01-01",
        "+1000000000-01-01", "2024-01-01T25:00:00Z", "2024-01-01T00:00:00+25:00", "yesterday", "", "2024-1-1",
        "99999-12-31", "1970-01-01T00:00:00", "2024-01-15T10:00:00.123456789123Z", "9999-12-31T23:59:59.999999999Z",
        "0001-01-01", "12/31/2024", "1704067200"};
    private static final String[] BAD_ENUMS = {"NOPE", "person", "", " ACTIVE", "ACTIVE ", "null", "0", "\u00C9T\u00C9"};
    private static final String[] OUT_OF_RANGE = {"2147483648", "-2147483649", "9223372036854775808", "-9223372036854775809",
        "99999999999999999999999999999999", "0.000000000000000000000000000001", "1.00000000000000000000000000001",
        "-0", "-1", "1E20", "1e308", "-1e308", "4.9e-324", "123456789012345678901234567890.5"};
    private static final String[] PARSER_LIMIT_NUMBERS = {"1e500000000", "-1e500000000", "1e-500000000", "1E2147483647"};
    private static final byte[][] INVALID_UTF8 = {{(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0xFE, (byte) 0xFF},
        {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xE2, (byte) 0x82},
        {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0x80}};
    private static final String[] UNICODE_ESCAPES = {"\\uD800", "\\uDC00x", "\\u0000", "\\uFFFF", "\\uD83D\\uDE00"};

    private final Random random;

    MalformedBodies(Random random) {
        this.random = random;
    }

    byte[] body(Defect defect, JsonNode sample) {
        JsonNode body = sample.deepCopy();
        switch (defect) {
            case NULL_OR_SCALAR_BODY:
                return utf8(pick(SCALAR_BODIES));
            case EMPTY_BODY:
                return utf8(random.nextBoolean() ? "" : " \r\n\t ");
            case MALFORMED_JSON:
                return utf8(random.nextInt(4) == 0 ? truncated(sample) : pick(MALFORMED));
            case WRONG_FIELD_TYPE:
                return replaceOne(body, wrongType());
            case MISSING_FIELDS:
                return serialize(withoutSomeFields(body));
            case NULL_FIELDS_AND_ELEMENTS:
                return nulls(body);
            case UNKNOWN_FIELD:
                return serialize(withUnknownField(body));
            case HUGE_STRING:
                return replaceOne(body, JSON.textNode(hugeString()));
            case OUT_OF_RANGE_NUMBER:
                return withRaw(replaceSlot(body, JSON.textNode(RAW)), utf8(pick(OUT_OF_RANGE)));
            case NUMBER_BEYOND_PARSER_LIMITS:
                String number = random.nextBoolean() ? pick(PARSER_LIMIT_NUMBERS) : "9".repeat(5_000 + random.nextInt(50_000));
                return withRaw(replaceSlot(body, JSON.textNode(RAW)), utf8(number));
            case NESTED_VALUE:
                return withRaw(replaceSlot(body, JSON.textNode(RAW)), utf8(nesting(2 + random.nextInt(200))));
            case DEEP_NESTING:
                return withRaw(replaceSlot(body, JSON.textNode(RAW)), utf8(nesting(2_000 + random.nextInt(50_000))));
            case INVALID_UTF8:
                return invalidUtf8(body);
            case BAD_DATE:
                return replaceOne(body, JSON.textNode(pick(BAD_DATES)), "date");
            case BAD_ENUM:
                return replaceOne(body, JSON.textNode(pick(BAD_ENUMS)), "enum");
            default:
                return serialize(body);
        }
    }

    /** The sample as sent when the defect is elsewhere (headers, query, path). */
    static byte[] plain(JsonNode sample) {
        return serialize(sample);
    }

    private byte[] replaceOne(JsonNode body, JsonNode value) {
        return replaceOne(body, value, "any");
    }

    /** Replaces a leaf (a date-like or enum-like one when asked and there is one) with {@code value}. */
    private byte[] replaceOne(JsonNode body, JsonNode value, String preferred) {
        List<Slot> slots = slots(body);
        List<Slot> matching = new ArrayList<>();
        for (Slot slot : slots) {
            String text = slot.value().asText("");
            boolean dateLike = text.matches("\\d{4}-\\d{2}-\\d{2}.*");
            boolean enumLike = text.matches("[A-Z][A-Z_]+");
            if (preferred.equals("date") && dateLike || preferred.equals("enum") && enumLike) {
                matching.add(slot);
            }
        }
        if (slots.isEmpty() && !body.isObject()) {
            return serialize(JSON.arrayNode().add(value));
        }
        if (body.isObject() && (slots.isEmpty() || random.nextInt(8) == 0)) {
            ((ObjectNode) body).set("name", value); // a body with no properties still gets one
            return serialize(body);
        }
        (matching.isEmpty() ? pick(slots) : pick(matching)).set(value);
        return serialize(body);
    }

    private JsonNode replaceSlot(JsonNode body, JsonNode value) {
        List<Slot> slots = slots(body);
        if (slots.isEmpty() && !body.isObject()) {
            return JSON.arrayNode().add(value);
        }
        if (slots.isEmpty()) {
            ((ObjectNode) body).set("value", value);
        } else {
            pick(slots).set(value);
        }
        return body;
    }

    private JsonNode wrongType() {
        switch (random.nextInt(9)) {
            case 0: return JSON.numberNode(random.nextInt(1000) - 500);
            case 1: return JSON.numberNode(1.5);
            case 2: return JSON.booleanNode(random.nextBoolean());
            case 3: return JSON.textNode("not-a-" + random.nextInt(100));
            case 4: return JSON.arrayNode();
            case 5: return JSON.arrayNode().add(1).add("two").add(JSON.objectNode());
            case 6: return JSON.objectNode();
            case 7: return JSON.objectNode().set("nested", JSON.objectNode().put("deeper", 1));
            default: return JSON.arrayNode().add(JSON.nullNode());
        }
    }

    private JsonNode withoutSomeFields(JsonNode body) {
        if (!body.isObject() || random.nextInt(5) == 0) {
            return JSON.objectNode();
        }
        List<String> names = new ArrayList<>();
        body.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            if (random.nextBoolean()) {
                ((ObjectNode) body).remove(name);
            }
        }
        return body;
    }

    private byte[] nulls(JsonNode body) {
        for (Slot slot : slots(body)) {
            if (random.nextInt(3) == 0) {
                slot.set(JSON.nullNode());
            }
        }
        addNullElements(body);
        return serialize(body);
    }

    private void addNullElements(JsonNode node) {
        if (node.isArray()) {
            ((ArrayNode) node).add(JSON.nullNode());
        }
        if (node.isObject()) {
            node.forEach(this::addNullElements);
            if (node.has("customFields") && node.get("customFields").isObject()) {
                ((ObjectNode) node.get("customFields")).putNull("fuzz");
            }
        }
    }

    private JsonNode withUnknownField(JsonNode body) {
        String[] names = {"fuzzUnknown", "", "__proto__", "a.b", "customFields.x", "\u00e9t\u00e9", "x".repeat(3_000),
            "$where", "id\u0000", "class"};
        List<JsonNode> objects = new ArrayList<>();
        collectObjects(body, objects);
        ObjectNode target = objects.isEmpty() ? JSON.objectNode() : (ObjectNode) pick(objects);
        target.put(pick(names), random.nextInt(10));
        return objects.isEmpty() ? target : body;
    }

    private static void collectObjects(JsonNode node, List<JsonNode> objects) {
        if (node.isObject()) {
            objects.add(node);
        }
        node.forEach(child -> collectObjects(child, objects));
    }

    private String hugeString() {
        int length = new int[] {256, 1_001, 4_001, 5_000, 70_000}[random.nextInt(5)];
        String unit = new String[] {"x", "\u00e9", "\uD83D\uDE00", "<a>", "'\"", " "}[random.nextInt(6)];
        return unit.repeat(Math.max(1, length / unit.length()));
    }

    private String nesting(int depth) {
        boolean arrays = random.nextBoolean();
        String open = arrays ? "[" : "{\"a\":";
        String close = arrays ? "]" : "}";
        return open.repeat(depth) + "1" + close.repeat(depth);
    }

    private byte[] invalidUtf8(JsonNode body) {
        JsonNode withRaw = replaceSlot(body, JSON.textNode(RAW));
        if (random.nextInt(4) == 0) {
            return withRaw(withRaw, utf8("\"a" + pick(UNICODE_ESCAPES) + "b\""));
        }
        ByteArrayOutputStream string = new ByteArrayOutputStream();
        string.writeBytes(utf8("\"a"));
        string.writeBytes(INVALID_UTF8[random.nextInt(INVALID_UTF8.length)]);
        string.writeBytes(utf8("b\""));
        return withRaw(withRaw, string.toByteArray());
    }

    private String truncated(JsonNode sample) {
        String text = new String(serialize(sample), StandardCharsets.UTF_8);
        return text.substring(0, Math.max(1, random.nextInt(Math.max(1, text.length() - 1))));
    }

    /** The body serialized, with the quoted placeholder replaced by {@code raw}. */
    private static byte[] withRaw(JsonNode body, byte[] raw) {
        byte[] text = serialize(body);
        byte[] marker = utf8(quote(RAW));
        int at = indexOf(text, marker);
        if (at < 0) {
            return text;
        }
        ByteArrayOutputStream result = new ByteArrayOutputStream();
        result.write(text, 0, at);
        result.writeBytes(raw);
        result.write(text, at + marker.length, text.length - at - marker.length);
        return result.toByteArray();
    }

    private static String quote(String text) {
        try {
            return MAPPER.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int indexOf(byte[] text, byte[] marker) {
        outer:
        for (int i = 0; i + marker.length <= text.length; i++) {
            for (int j = 0; j < marker.length; j++) {
                if (text[i + j] != marker[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** A place in the body that holds a scalar or an empty container: an object member or an array element. */
    private record Slot(JsonNode container, String name, int index, JsonNode value) {
        void set(JsonNode replacement) {
            if (container instanceof ObjectNode object) {
                object.set(name, replacement);
            } else {
                ((ArrayNode) container).set(index, replacement);
            }
        }
    }

    private static List<Slot> slots(JsonNode node) {
        List<Slot> slots = new ArrayList<>();
        collectSlots(node, slots);
        return slots;
    }

    private static void collectSlots(JsonNode node, List<Slot> slots) {
        if (node.isObject()) {
            Iterator<String> names = node.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                JsonNode value = node.get(name);
                slots.add(new Slot(node, name, -1, value));
                collectSlots(value, slots);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                slots.add(new Slot(node, null, i, node.get(i)));
                collectSlots(node.get(i), slots);
            }
        }
    }

    private static byte[] serialize(JsonNode body) {
        try {
            return MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }
}
