package org.tessera.crm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;

/** Assertions on RFC 9457 problem responses. */
final class Problems {
    private Problems() {
    }

    /** The response is a problem with this status, and no stack trace leaked into it. */
    static JsonNode assertProblem(Api.Response response, int status) {
        assertEquals(response.toString(), status, response.status());
        assertTrue("problem media type: " + response.contentType(),
                response.contentType().startsWith(Api.PROBLEM));
        assertEquals(status, response.json().path("status").asInt());
        assertTrue("title", response.json().hasNonNull("title"));
        String body = response.raw().body();
        assertFalse("stack trace in " + body, body.contains("\tat ") || body.contains("Exception:")
                || body.contains(".java:"));
        return response.json();
    }

    /** The problem names {@code field} in its {@code errors} list. */
    static void assertNamesField(Api.Response response, int status, String field) {
        JsonNode problem = assertProblem(response, status);
        for (JsonNode error : problem.path("errors")) {
            if (field.equals(error.path("field").asText())) {
                return;
            }
        }
        throw new AssertionError("no error on field " + field + " in " + problem);
    }
}
