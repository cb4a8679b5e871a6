package org.tessera.crm.core.jetty.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.util.BufferUtil;
import org.junit.jupiter.api.Test;

class ProblemErrorHandlerTest {
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void aBadMessageIsAProblemWithTypeTitleStatusAndDetail() throws Exception {
        HttpFields fields = new HttpFields();
        JsonNode problem = mapper.readTree(body(new ProblemErrorHandler().badMessageError(400, null, fields)));

        assertEquals(ProblemErrorHandler.PROBLEM_JSON, fields.get(HttpHeader.CONTENT_TYPE));
        assertEquals("about:blank", problem.path("type").asText());
        assertEquals("Bad Request", problem.path("title").asText());
        assertEquals(400, problem.path("status").asInt());
        assertTrue(problem.path("detail").asText().contains("%25"), problem.toString());
    }

    @Test
    void thePercentEscapeHintIsGivenOnlyFor400() throws Exception {
        JsonNode tooLong = mapper.readTree(BadMessageProblem.json(414, "URI Too Long", null));
        assertEquals(414, tooLong.path("status").asInt());
        assertFalse(tooLong.path("detail").asText().contains("%25"), tooLong.toString());
    }

    @Test
    void jettysReasonIsKeptOnlyWhenItIsAShortPrintablePhrase() throws Exception {
        JsonNode plain = mapper.readTree(BadMessageProblem.json(400, "Bad Request", "Ambiguous URI path encoding"));
        assertTrue(plain.path("detail").asText().contains("(Ambiguous URI path encoding)"));

        for (String reason : new String[] {"Illegal character \u0000<script>\u00ff", "x".repeat(500), "Bad Request"}) {
            String json = BadMessageProblem.json(400, "Bad Request", reason);
            String detail = mapper.readTree(json).path("detail").asText();
            assertFalse(detail.contains("("), detail);
        }
    }

    @Test
    void quotingEscapesControlNonAsciiAndHtmlCharacters() throws Exception {
        String quoted = BadMessageProblem.quote("a\"b\\c\u0000<é>&");
        assertEquals("\"a\\\"b\\\\c\\u0000\\u003c\\u00e9\\u003e\\u0026\"", quoted);
        assertEquals("a\"b\\c\u0000<é>&", mapper.readTree(quoted).asText());
    }

    @Test
    void aStatusWithoutBodyGetsNone() {
        HttpFields fields = new HttpFields();
        assertEquals(0, BufferUtil.length(new ProblemErrorHandler().badMessageError(204, null, fields)));
        assertFalse(fields.containsKey(HttpHeader.CONTENT_TYPE.asString()));
    }

    private static String body(java.nio.ByteBuffer buffer) {
        return BufferUtil.toString(buffer, StandardCharsets.UTF_8);
    }

    @Test
    void aPathIsRefusedExactlyWhenJavaNetUriRefusesIt() {
        for (String path : new String[] {"/tessera/api/v1/parties/%u0041", "/a|b", "/a\"b", "/a\\b", "/a%2", "/a%G1"}) {
            assertFalse(UnparsablePathCustomizer.isUriPath(path), path);
        }
        for (String path : new String[] {"/tessera/api/v1/parties/%C3%28", "/a%20b", "/a;b=c", "/", "/%25"}) {
            assertTrue(UnparsablePathCustomizer.isUriPath(path), path);
        }
    }

    @Test
    void aContentTypeCharsetIsReadAndCheckedAsTheJvmKnowsIt() {
        assertEquals("utf-9", UnsupportedCharsetCustomizer.charsetOf("application/json; charset=utf-9"));
        assertEquals("x", UnsupportedCharsetCustomizer.charsetOf("application/json; charset=x;y"));
        assertEquals("UTF-8", UnsupportedCharsetCustomizer.charsetOf("application/json;Charset=\"UTF-8\""));
        assertEquals(null, UnsupportedCharsetCustomizer.charsetOf("application/json"));
        assertEquals(null, UnsupportedCharsetCustomizer.charsetOf(null));
        assertTrue(UnsupportedCharsetCustomizer.isSupported("UTF-8"));
        assertTrue(UnsupportedCharsetCustomizer.isSupported("iso-8859-1"));
        assertFalse(UnsupportedCharsetCustomizer.isSupported("utf-9"));
        assertFalse(UnsupportedCharsetCustomizer.isSupported("x;y"));
        assertFalse(UnsupportedCharsetCustomizer.isSupported(""));
    }

    @Test
    void anUnsupportedCharsetProblemIsValidJson() throws Exception {
        JsonNode problem = mapper.readTree(BadMessageProblem.problem(415, "Unsupported Media Type", "send \"UTF-8\""));
        assertEquals(415, problem.path("status").asInt());
        assertEquals("send \"UTF-8\"", problem.path("detail").asText());
    }
}
