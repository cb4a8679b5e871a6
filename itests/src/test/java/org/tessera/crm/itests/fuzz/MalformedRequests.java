package org.tessera.crm.itests.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

/**
 * Generates the malformed requests for one operation, deterministically from a seed: each request
 * carries exactly one {@link Defect}, cycling through every defect that applies to the operation.
 *
 * <p>Nothing generated may succeed in a way that harms the rest of the suite: path parameters
 * name records, roles, logins and modules that do not exist (or, for a PUT or PATCH with a
 * defective body, a record the test created for itself: {@link OwnRecords}), and the bodies of
 * operations that change configuration ({@link #CANNOT_SUCCEED_PREFIXES}) end with an unknown
 * member, refused only after the whole body has been parsed.
 */
public final class MalformedRequests {
    /**
     * Writes here change how the server behaves for everyone (a required custom field, the
     * default pipeline, an active price list, roles, logins, installed modules): their bodies
     * carry {@value #CANNOT_SUCCEED_MEMBER}, so parsing is fuzzed but nothing is ever stored.
     */
    static final List<String> CANNOT_SUCCEED_PREFIXES = List.of("/v1/custom-fields", "/v1/security/", "/v1/modules",
            "/v1/sales/pipelines", "/v1/sales/price-lists");
    static final String CANNOT_SUCCEED_MEMBER = "fuzzCannotSucceed";
    public static final String BASE = "/tessera/api";

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final String[] GARBAGE_IDS = {"not-an-id", "-1", "0", "99999999999999999999999", "1.5", "1e10", "%20",
        "null", "9223372036854775807", "-9223372036854775808", "%C3%A9t%C3%A9", "%F0%9F%98%80", "%27%20OR%20%271%27%3D%271",
        "$%7Bjndi%7D", "none-0", "_", "~", "!", "a,b"};
    private static final String[] MALFORMED_ESCAPES = {"%", "%%", "%%%%", "%ZZ", "%G1", "%1", "%C3%28", "%u0041", "%E2%82",
        "a%", "%%30", "%FF"};
    private static final String[] AMBIGUOUS_SEGMENTS = {"%2F", "a%2Fb", "%2E%2E", "%2e", "..;", "x;y=z", "%5C", "%2E%2E%2F%2E%2E", "%00", "%0A"};
    private static final String[] BAD_QUERY_VALUES = {"-1", "0", "99999999999999999999", "abc", "1e3", "%20", "", "null",
        "true", "%5B%5D", "%27%3B%20DROP%20TABLE%20party%3B--", "2147483648", "-2147483649", "1.5", "%C3%A9t%C3%A9",
        "%00", "%0D%0A", "*", "%25", "ACTIVE,INACTIVE", "a+b"};
    private static final String[] BAD_QUERY_DATES = {"2024-02-30", "2024-13-01", "yesterday", "0000-00-00",
        "%2B1000000000-01-01", "-999999999-01-01", "2024-01-01T25:00:00Z", "2024-01-01T00:00:00%2B25:00", "1e500", ""};
    private static final String[] GARBAGE_ETAGS = {"", "*", "\"", "W/", "W/\"x\"", "\"abc\"", "\"-1\"",
        "\"99999999999999999999999\"", "garbage", "\"1\", \"2\"", "\u00e9t\u00e9", "\"\"", "W/\"\"", "\"1", "1\"",
        "\"9223372036854775807\"", "\"0\""};
    private static final String[] GARBAGE_CONTENT_TYPES = {"text/plain", "application/xml", "application/x-www-form-urlencoded",
        "multipart/form-data", "garbage", "application/", "/json", "application/json; charset=ISO-8859-1",
        "application/x-ndjson", "application/merge-patch+json", "text/csv", "*/*",
        "application/json;;;", "image/png"};

    private final Operation operation;
    private final SampleBodies samples;
    private final Random random;
    private final MalformedBodies bodies;
    private final List<Defect> defects;
    /** The id of a record the test created for this update, or null: then every id is one that does not exist. */
    private final String ownRecord;

    public MalformedRequests(Operation operation, JsonNode document, long seed, Map<String, String> ownRecords) {
        this.operation = operation;
        this.ownRecord = ownRecordOf(operation, ownRecords);
        this.samples = new SampleBodies(document);
        // one stream per operation, so adding an operation does not change what the others get
        this.random = new Random(seed ^ operation.key().hashCode());
        this.bodies = new MalformedBodies(random);
        this.defects = applicableDefects(operation);
    }

    public List<FuzzRequest> generate(int count) {
        List<FuzzRequest> requests = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            requests.add(request(defects.get(i % defects.size())));
        }
        return requests;
    }

    static List<Defect> applicableDefects(Operation operation) {
        List<Defect> defects = new ArrayList<>(List.of(Defect.UNAUTHENTICATED, Defect.GARBAGE_AUTHORIZATION,
                Defect.UNKNOWN_QUERY_PARAMETER, Defect.MALFORMED_PERCENT_QUERY, Defect.WRONG_CONTENT_TYPE,
                Defect.UNSUPPORTED_CHARSET));
        if (operation.takesBody()) {
            defects.addAll(List.of(Defect.NULL_OR_SCALAR_BODY, Defect.EMPTY_BODY, Defect.MALFORMED_JSON,
                    Defect.WRONG_FIELD_TYPE, Defect.MISSING_FIELDS, Defect.NULL_FIELDS_AND_ELEMENTS, Defect.UNKNOWN_FIELD,
                    Defect.HUGE_STRING, Defect.OUT_OF_RANGE_NUMBER, Defect.NUMBER_BEYOND_PARSER_LIMITS, Defect.NESTED_VALUE,
                    Defect.DEEP_NESTING, Defect.INVALID_UTF8, Defect.BAD_DATE, Defect.BAD_ENUM));
            // the defects that find most, twice as often
            defects.addAll(List.of(Defect.WRONG_FIELD_TYPE, Defect.NULL_FIELDS_AND_ELEMENTS, Defect.HUGE_STRING,
                    Defect.OUT_OF_RANGE_NUMBER, Defect.BAD_DATE));
        } else {
            defects.add(Defect.BODY_WHERE_NONE_IS_TAKEN);
        }
        if (!operation.in("query").isEmpty()) {
            defects.addAll(List.of(Defect.BAD_QUERY_VALUE, Defect.BAD_QUERY_VALUE));
            if (hasQuery(operation, "cursor")) {
                defects.add(Defect.BAD_CURSOR);
            }
            if (operation.in("query").stream().anyMatch(parameter -> isDateName(parameter.name()))) {
                defects.add(Defect.BAD_QUERY_DATE);
            }
            if (hasQuery(operation, "q")) {
                defects.add(Defect.MANY_Q_TOKENS);
            }
        }
        if (!operation.in("path").isEmpty()) {
            defects.addAll(List.of(Defect.GARBAGE_PATH_ID, Defect.GARBAGE_PATH_ID, Defect.MALFORMED_PERCENT_PATH,
                    Defect.AMBIGUOUS_PATH_SEGMENT, Defect.OVERLONG_PATH_ID));
        }
        if (WRITES.contains(operation.method()) && !operation.in("path").isEmpty()) {
            defects.add(Defect.GARBAGE_IF_MATCH);
        }
        if (operation.parameters().stream().anyMatch(parameter -> parameter.name().equalsIgnoreCase("If-None-Match"))) {
            defects.add(Defect.GARBAGE_IF_NONE_MATCH);
        }
        return List.copyOf(defects);
    }

    private FuzzRequest request(Defect defect) {
        Map<String, String> headers = new LinkedHashMap<>();
        byte[] body = null;
        JsonNode sample = operation.takesBody() ? samples.sample(operation.bodySchema()) : NullNode.getInstance();
        if (operation.takesBody()) {
            headers.put("Content-Type", operation.bodyMediaType());
            body = defect.inTheBody() ? bodies.body(defect, sample) : MalformedBodies.plain(sample);
            if (operation.bodyMediaType().contains("ndjson")) {
                body = ndjson(defect, sample, body);
            }
        }
        boolean authenticated = true;
        switch (defect) {
            case WRONG_CONTENT_TYPE:
                headers.put("Content-Type", pick(GARBAGE_CONTENT_TYPES));
                if (body == null) {
                    body = MalformedBodies.utf8(random.nextBoolean() ? "{}" : "a=b&c=d");
                }
                break;
            case UNSUPPORTED_CHARSET:
                headers.put("Content-Type", "application/json; charset=" + pick(new String[] {"nope", "utf-9", "\"\"", "x;y"}));
                if (body == null) {
                    body = MalformedBodies.utf8("{}");
                }
                break;
            case BODY_WHERE_NONE_IS_TAKEN:
                headers.put("Content-Type", "application/json");
                body = bodies.body(pick(new Defect[] {Defect.NULL_OR_SCALAR_BODY, Defect.MALFORMED_JSON, Defect.INVALID_UTF8}),
                        samples.sample(NullNode.getInstance()));
                break;
            case GARBAGE_IF_MATCH:
                headers.put("If-Match", random.nextInt(6) == 0 ? "\"" + "9".repeat(3_000) + "\"" : pick(GARBAGE_ETAGS));
                break;
            case GARBAGE_IF_NONE_MATCH:
                headers.put("If-None-Match", pick(GARBAGE_ETAGS));
                break;
            case UNAUTHENTICATED:
                authenticated = false;
                break;
            case GARBAGE_AUTHORIZATION:
                authenticated = false;
                headers.put("Authorization", garbageAuthorization());
                break;
            default:
                break;
        }
        if (body != null && cannotSucceedRequired()) {
            body = withCannotSucceedMember(body);
        }
        boolean onOwnRecord = ownRecord != null && defect.inTheBody() && random.nextInt(3) > 0;
        byte[] target = onOwnRecord ? (BASE + operation.path().replace("{id}", ownRecord)).getBytes(StandardCharsets.UTF_8)
                : target(defect);
        String currentTagOf = onOwnRecord && operation.method().equals("PUT") ? operation.path().replace("{id}", ownRecord) : null;
        return new FuzzRequest(operation, defect, operation.method(), target, headers, body, authenticated, currentTagOf);
    }

    /** Updates of a collection's items (PUT and PATCH only: a DELETE or a sub-resource could succeed) get the own record. */
    private static String ownRecordOf(Operation operation, Map<String, String> ownRecords) {
        if (!operation.path().endsWith("/{id}") || !(operation.method().equals("PUT") || operation.method().equals("PATCH"))) {
            return null;
        }
        return ownRecords.get(operation.path().substring(0, operation.path().length() - "/{id}".length()));
    }

    /** An import takes lines: the defective one among plausible ones, or a line of garbage. */
    private byte[] ndjson(Defect defect, JsonNode sample, byte[] defective) {
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        int count = 1 + random.nextInt(4);
        int defectiveLine = random.nextInt(count);
        for (int i = 0; i < count; i++) {
            lines.writeBytes(i == defectiveLine ? defective : MalformedBodies.plain(sample));
            lines.write('\n');
        }
        if (defect == Defect.MALFORMED_JSON && random.nextBoolean()) {
            lines.writeBytes(MalformedBodies.utf8("\n\n\r\n   \n"));
        }
        return lines.toByteArray();
    }

    private boolean cannotSucceedRequired() {
        return !"GET".equals(operation.method())
                && CANNOT_SUCCEED_PREFIXES.stream().anyMatch(prefix -> operation.path().startsWith(prefix));
    }

    /** {@code {...}} becomes {@code {..., "fuzzCannotSucceed": true}}; anything else cannot succeed anyway. */
    private static byte[] withCannotSucceedMember(byte[] body) {
        String text = new String(body, StandardCharsets.ISO_8859_1).stripTrailing();
        if (!text.startsWith("{") || !text.endsWith("}")) {
            return body;
        }
        String member = "\"" + CANNOT_SUCCEED_MEMBER + "\":true}";
        String open = text.substring(0, text.length() - 1).stripTrailing();
        return (open.endsWith("{") ? open + member : open + "," + member).getBytes(StandardCharsets.ISO_8859_1);
    }

    private String garbageAuthorization() {
        // never a real login: failed logins of a real user would lock it out for the rest of the suite
        switch (random.nextInt(7)) {
            case 0: return "Bearer garbage";
            case 1: return "Bearer " + "a".repeat(4_000);
            case 2: return "Bearer a.b.c";
            case 3: return "Basic !!!not-base64!!!";
            case 4: return "Basic " + Base64.getEncoder().encodeToString("no-colon".getBytes(StandardCharsets.UTF_8));
            case 5: return "Digest username=\"x\"";
            default: return "Bearer";
        }
    }

    private byte[] target(Defect defect) {
        List<Operation.Parameter> pathParameters = operation.in("path");
        Operation.Parameter garbled = pathParameters.isEmpty() ? null : pathParameters.get(random.nextInt(pathParameters.size()));
        String path = operation.path();
        for (Operation.Parameter parameter : pathParameters) {
            String value = parameter == garbled ? garbagePathValue(defect, parameter) : nonexistent(parameter);
            path = path.replace("{" + parameter.name() + "}", value);
        }
        ByteArrayOutputStream target = new ByteArrayOutputStream();
        target.writeBytes((BASE + path).getBytes(StandardCharsets.UTF_8));
        String query = query(defect);
        if (!query.isEmpty()) {
            target.write('?');
            target.writeBytes(query.getBytes(StandardCharsets.ISO_8859_1));
        }
        if (defect == Defect.MALFORMED_PERCENT_QUERY && random.nextInt(4) == 0) {
            target.writeBytes(new byte[] {(byte) (query.isEmpty() ? '?' : '&'), 'q', '=', (byte) 0xC3, (byte) 0x28});
        }
        return target.toByteArray();
    }

    private String garbagePathValue(Defect defect, Operation.Parameter parameter) {
        switch (defect) {
            case GARBAGE_PATH_ID:
                return pick(GARBAGE_IDS);
            case MALFORMED_PERCENT_PATH:
                return "fuzz" + pick(MALFORMED_ESCAPES);
            case AMBIGUOUS_PATH_SEGMENT:
                return pick(AMBIGUOUS_SEGMENTS);
            case OVERLONG_PATH_ID:
                return "9".repeat(new int[] {300, 3_000, 7_000}[random.nextInt(3)]);
            default:
                return nonexistent(parameter);
        }
    }

    /** A value no record, role, login or module has: numeric for ids, a marked name otherwise. */
    private String nonexistent(Operation.Parameter parameter) {
        if (parameter.name().equalsIgnoreCase("id")) {
            return "98765432" + (1_000_000 + random.nextInt(8_999_999));
        }
        return "fuzz-no-such-" + parameter.name().toLowerCase() + "-" + random.nextInt(1_000);
    }

    private String query(Defect defect) {
        List<Operation.Parameter> parameters = operation.in("query");
        switch (defect) {
            case BAD_QUERY_VALUE: {
                String name = parameters.get(random.nextInt(parameters.size())).name();
                String value = random.nextInt(8) == 0 ? "x".repeat(5_000) : pick(BAD_QUERY_VALUES);
                return random.nextInt(5) == 0 ? name + "=" + value + "&" + name + "=" + pick(BAD_QUERY_VALUES) : name + "=" + value;
            }
            case BAD_CURSOR:
                return "cursor=" + badCursor();
            case BAD_QUERY_DATE: {
                List<Operation.Parameter> dates = parameters.stream().filter(parameter -> isDateName(parameter.name())).toList();
                return dates.get(random.nextInt(dates.size())).name() + "=" + pick(BAD_QUERY_DATES);
            }
            case MANY_Q_TOKENS:
                return "q=" + String.join("+", java.util.Collections.nCopies(100 + random.nextInt(300), "ab"));
            case UNKNOWN_QUERY_PARAMETER: {
                String[] unknown = {"fuzz=1", "customFields.fuzzNoSuchField=x", "customFields.=1", "customFields.x.y=1",
                    "customFields.fuzz=%5B1%5D", "customFields.fuzz=99999999999999999999", "sort=-nope", "sort=",
                    "=", "&&&", "a=1&a=2&a=3", "%3D=%3D", "limit", "cursor", "expand=everything"};
                return pick(unknown);
            }
            case MALFORMED_PERCENT_QUERY: {
                String name = parameters.isEmpty() ? "fuzz" : parameters.get(random.nextInt(parameters.size())).name();
                return random.nextInt(4) == 0 ? pick(MALFORMED_ESCAPES) + "=1" : name + "=" + pick(MALFORMED_ESCAPES);
            }
            default:
                return "";
        }
    }

    private String badCursor() {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        switch (random.nextInt(8)) {
            case 0: return "garbage";
            case 1: return url.encodeToString("{\"a\":1}".getBytes(StandardCharsets.UTF_8));
            case 2: return url.encodeToString("1|2|3".getBytes(StandardCharsets.UTF_8));
            case 3: return url.encodeToString(new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 1});
            case 4: return "A".repeat(4_000);
            case 5: return url.encodeToString(("-1:" + "9".repeat(40)).getBytes(StandardCharsets.UTF_8));
            case 6: return "eyJ";
            default: return "%2B%2F%3D";
        }
    }

    private static boolean hasQuery(Operation operation, String name) {
        return operation.in("query").stream().anyMatch(parameter -> parameter.name().equals(name));
    }

    private static boolean isDateName(String name) {
        return name.equals("from") || name.equals("to") || name.endsWith("From") || name.endsWith("To") || name.endsWith("Date");
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }
}
