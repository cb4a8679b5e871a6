package org.tessera.crm.core.rest.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import javax.ws.rs.NotAllowedException;
import javax.ws.rs.NotSupportedException;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.tessera.crm.core.api.ConflictException;
import org.tessera.crm.core.api.DependentRecordsDTO;
import org.tessera.crm.core.api.DependentRecordsException;
import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.core.api.ForbiddenException;
import org.tessera.crm.core.api.NotFoundException;
import org.tessera.crm.core.api.StaleVersionException;
import org.tessera.crm.core.api.ValidationException;
import org.tessera.crm.core.api.party.PartyDTO;
import org.tessera.crm.core.kit.rest.ObjectMappers;
import org.tessera.crm.core.kit.rest.Problem;
import org.tessera.crm.core.kit.rest.ProblemException;
import org.tessera.crm.core.kit.rest.ProblemTypes;

class ProblemMappersTest {
    private final ObjectMapper mapper = ObjectMappers.create();

    @Test
    void mapsAValidationExceptionTo422WithEveryField() {
        Problem problem = problemOf(new ValidationExceptionMapper().toResponse(new ValidationException(List.of(
                FieldError.required("lastName"), FieldError.invalid("contactMechanisms[1].value", "is not an email address")))), 422);
        assertEquals(ProblemTypes.VALIDATION, problem.type);
        assertEquals(List.of("lastName", "contactMechanisms[1].value"), problem.errors.stream().map(e -> e.field).toList());
        assertEquals("required", problem.errors.get(0).code);
    }

    @Test
    void mapsNotFoundTo404() {
        Problem problem = problemOf(new NotFoundExceptionMapper().toResponse(new NotFoundException("PARTY", "42")), 404);
        assertEquals("PARTY 42 not found", problem.detail);
    }

    @Test
    void mapsConflictTo409NamingTheField() {
        Problem problem = problemOf(new ConflictExceptionMapper().toResponse(new ConflictException("login", "login ada is taken")), 409);
        assertEquals("login", problem.errors.get(0).field);
        assertNull(problemOf(new ConflictExceptionMapper().toResponse(new ConflictException(null, "in use")), 409).errors);
    }

    @Test
    void mapsAForbiddenFilterTo403NamingTheParameter() {
        Problem problem = problemOf(new ForbiddenExceptionMapper().toResponse(
                new ForbiddenException("customFields.income", "needs core.party.sensitive")), 403);
        assertEquals(ProblemTypes.FORBIDDEN, problem.type);
        assertEquals("customFields.income", problem.errors.get(0).field);
    }

    @Test
    void mapsDependentRecordsTo409ListingThem() {
        Response response = new DependentRecordsExceptionMapper().toResponse(new DependentRecordsException("PARTY", "42",
                List.of(new DependentRecordsDTO("sales", "LEAD", 2, List.of("1000", "1050")))));
        Problem problem = problemOf(response, 409);
        assertEquals(ProblemTypes.CONFLICT, problem.type);
        DependentRecordsExceptionMapper.DependentsProblem listed = (DependentRecordsExceptionMapper.DependentsProblem) response.getEntity();
        assertEquals(List.of("1000", "1050"), listed.dependents.get(0).ids);
        assertEquals("PARTY 42 cannot be deleted while records depend on it: 2 sales LEAD", problem.detail);
    }

    @Test
    void mapsAStaleVersionTo412() {
        Problem problem = problemOf(new StaleVersionExceptionMapper().toResponse(new StaleVersionException("PARTY", "42", 3, 5)), 412);
        assertEquals("If-Match", problem.errors.get(0).field);
        assertEquals(ProblemTypes.STALE_VERSION, problem.type);
    }

    @Test
    void mapsUnknownFieldsTo400NamingThem() {
        Problem problem = problemOf(new JsonProcessingExceptionMapper().toResponse(
                readingError("{'lastName':'Hopper','nickname':'x'}")), 400);
        assertEquals("nickname", problem.errors.get(0).field);
        assertEquals("unknown", problem.errors.get(0).code);
    }

    @Test
    void mapsAValueOfTheWrongFormatTo400NamingItsPath() {
        Problem date = problemOf(new JsonProcessingExceptionMapper().toResponse(readingError("{'birthDate':'31/12/1980'}")), 400);
        assertEquals("birthDate", date.errors.get(0).field);
        assertTrue(date.errors.get(0).message.contains("ISO-8601 date"), date.errors.get(0).message);

        Problem nested = problemOf(new JsonProcessingExceptionMapper().toResponse(
                readingError("{'contactMechanisms':[{'type':'PIGEON'}]}")), 400);
        assertEquals("contactMechanisms[0].type", nested.errors.get(0).field);
        assertTrue(nested.errors.get(0).message.endsWith("must be one of EMAIL, PHONE, POSTAL, WEB"), nested.errors.get(0).message);

        Problem wrongShape = problemOf(new JsonProcessingExceptionMapper().toResponse(readingError("{'classifications':'CUSTOMER'}")), 400);
        assertEquals("classifications", wrongShape.errors.get(0).field);
    }

    @Test
    void mapsMalformedJsonTo400WithoutJavaNames() {
        Problem problem = problemOf(new JsonProcessingExceptionMapper().toResponse(readingError("{'lastName': }")), 400);
        assertEquals(ProblemTypes.INVALID_JSON, problem.type);
        assertTrue(problem.detail.startsWith("malformed JSON at line 1"), problem.detail);
    }

    @Test
    void mapsRuntimeErrorsToTheirStatusKeepingAllow() {
        Response response = new WebApplicationExceptionMapper().toResponse(new NotAllowedException("GET", new String[] {"POST"}));
        Problem problem = problemOf(response, 405);
        assertEquals(ProblemTypes.ABOUT_BLANK, problem.type);
        assertEquals("Method Not Allowed", problem.title);
        assertNotNull(response.getHeaderString(HttpHeaders.ALLOW));

        problemOf(new WebApplicationExceptionMapper().toResponse(new NotSupportedException()), 415);
        problemOf(new WebApplicationExceptionMapper().toResponse(new javax.ws.rs.NotFoundException()), 404);
    }

    @Test
    void passesAProblemExceptionThrough() {
        ProblemException thrown = ProblemException.badParameter("limit", "must be an integer from 1 to 200");
        Response response = new WebApplicationExceptionMapper().toResponse(thrown);
        assertSame(thrown.getResponse(), response);
        assertEquals("limit", problemOf(response, 400).errors.get(0).field);
    }

    @Test
    void mapsAnythingElseTo500WithAnErrorIdAndNoInternals() throws Exception {
        Problem problem = problemOf(new UnexpectedExceptionMapper().toResponse(new IllegalStateException("pool exhausted at db7")), 500);
        assertNotNull(problem.errorId);
        assertTrue(problem.detail.contains(problem.errorId));
        String body = mapper.writeValueAsString(problem);
        assertFalse(body.contains("pool exhausted") || body.contains("IllegalStateException") || body.contains("at org."), body);
    }

    @Test
    void serializesTheRfc9457Members() throws Exception {
        Problem problem = new Problem(ProblemTypes.VALIDATION, "Validation failed", 422, "lastName: must not be empty")
                .withError(FieldError.required("lastName"));
        problem.instance = "/tessera/api/v1/parties";
        assertEquals("{\"type\":\"urn:tessera:problem:validation\",\"title\":\"Validation failed\",\"status\":422,"
                + "\"detail\":\"lastName: must not be empty\",\"instance\":\"/tessera/api/v1/parties\","
                + "\"errors\":[{\"field\":\"lastName\",\"code\":\"required\",\"message\":\"must not be empty\"}]}",
                mapper.writeValueAsString(problem));
    }

    private static Problem problemOf(Response response, int status) {
        assertEquals(status, response.getStatus());
        assertEquals("application/problem+json", response.getMediaType().toString());
        Problem problem = (Problem) response.getEntity();
        assertEquals(status, problem.status);
        assertNotNull(problem.title);
        return problem;
    }

    private JsonProcessingException readingError(String singleQuoted) {
        return assertThrows(JsonProcessingException.class,
                () -> mapper.readValue(singleQuoted.replace('\'', '"'), PartyDTO.class));
    }
}
