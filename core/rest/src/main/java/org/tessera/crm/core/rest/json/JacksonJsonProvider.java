package org.tessera.crm.core.rest.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Locale;
import java.util.Set;

import javax.ws.rs.Consumes;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.StreamingOutput;
import javax.ws.rs.ext.MessageBodyReader;
import javax.ws.rs.ext.MessageBodyWriter;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.propertytypes.ServiceRanking;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsMediaType;
import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.core.kit.rest.ObjectMappers;
import org.tessera.crm.core.kit.rest.Problem;
import org.tessera.crm.core.kit.rest.ProblemException;
import org.tessera.crm.core.kit.rest.ProblemTypes;
import org.tessera.crm.core.kit.rest.TesseraApi;

/**
 * Reads and writes JSON bodies ({@code application/json}, merge patches, problems and any other
 * {@code +json} type) with the API's one Jackson configuration, {@link ObjectMappers#create()}.
 * Reading errors propagate as Jackson exceptions, which the problem mappers turn into 400s.
 * Ranked above a JSON provider that a whiteboard feature may add to every application.
 */
@Component(service = {MessageBodyReader.class, MessageBodyWriter.class})
@JaxrsExtension
@JaxrsApplicationSelect(TesseraApi.EXTENSIONS_SELECT)
@JaxrsMediaType({MediaType.APPLICATION_JSON, TesseraApi.MERGE_PATCH_JSON, TesseraApi.PROBLEM_JSON})
@ServiceRanking(100)
@Consumes({MediaType.APPLICATION_JSON, TesseraApi.MERGE_PATCH_JSON, "application/*+json"})
@Produces({MediaType.APPLICATION_JSON, TesseraApi.PROBLEM_JSON, "application/*+json"})
public class JacksonJsonProvider implements MessageBodyReader<Object>, MessageBodyWriter<Object> {
    /** Types the runtime's own providers handle better: raw bodies and streams. */
    private static final Set<Class<?>> RAW_TYPES = Set.of(String.class, byte[].class, char[].class,
            InputStream.class, Reader.class, StreamingOutput.class, Response.class);

    private final ObjectMapper mapper = ObjectMappers.create();

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return isJson(mediaType) && !isRaw(type);
    }

    @Override
    public Object readFrom(Class<Object> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, String> httpHeaders, InputStream entityStream) throws IOException {
        Object value = mapper.readerFor(mapper.constructType(genericType != null ? genericType : type)).readValue(entityStream);
        if (value == null) {
            // the JSON literal null: no resource method can act on it, and it must not reach one as a null argument
            throw new ProblemException(new Problem(ProblemTypes.INVALID_JSON, "Invalid JSON body", 400,
                    "the body is null; it must be the JSON " + (isArray(type) ? "array" : "object") + " of this resource")
                    .withError(new FieldError("body", "null", "must not be null")));
        }
        return value;
    }

    private static boolean isArray(Class<?> type) {
        return type.isArray() || java.util.Collection.class.isAssignableFrom(type);
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return isJson(mediaType) && !isRaw(type);
    }

    @Override
    public void writeTo(Object value, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, Object> httpHeaders, OutputStream entityStream) throws IOException {
        mapper.writeValue(entityStream, value);
    }

    static boolean isJson(MediaType mediaType) {
        if (mediaType == null || mediaType.isWildcardType()) {
            return true;
        }
        String subtype = mediaType.getSubtype().toLowerCase(Locale.ROOT);
        return "application".equalsIgnoreCase(mediaType.getType())
                && (subtype.equals("json") || subtype.endsWith("+json") || mediaType.isWildcardSubtype());
    }

    private static boolean isRaw(Class<?> type) {
        return RAW_TYPES.stream().anyMatch(raw -> raw.isAssignableFrom(type));
    }
}
