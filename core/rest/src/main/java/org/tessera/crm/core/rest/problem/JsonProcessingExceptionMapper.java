package org.tessera.crm.core.rest.problem;

import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.tessera.crm.core.kit.rest.JsonProblems;
import org.tessera.crm.core.kit.rest.TesseraApi;
import org.tessera.crm.core.kit.rest.Problems;

/**
 * Malformed JSON ({@code JsonParseException}), a value of the wrong type or format
 * ({@code MismatchedInputException}, {@code InvalidFormatException}) and an unknown field
 * ({@code UnrecognizedPropertyException}) are client errors: 400, naming the JSON path.
 */
@Component(service = ExceptionMapper.class)
@JaxrsExtension
@JaxrsApplicationSelect(TesseraApi.EXTENSIONS_SELECT)
public class JsonProcessingExceptionMapper implements ExceptionMapper<JsonProcessingException> {

    @Override
    public Response toResponse(JsonProcessingException e) {
        return Problems.response(JsonProblems.of(e));
    }
}
