package org.tessera.crm.core.kit.rest;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The one JSON configuration of the API; every reader and writer of the REST layer uses it. */
public final class ObjectMappers {

    private ObjectMappers() {
    }

    /**
     * A new mapper: ISO-8601 dates, no nulls in output, decimals as BigDecimal (amounts keep
     * their scale), unknown fields rejected (a misspelt field must not be dropped silently), and
     * streams left open for the JAX-RS runtime to close. The parser enforces {@link JsonLimits}
     * and decimals are held to {@link org.tessera.crm.core.kit.Decimals}' bounds. A collection
     * given as {@code null} reads as empty, as when it is absent; a {@code null} element of a
     * collection is refused (400 naming {@code lines[1]}): no service expects a null inside a
     * list, and none must meet one.
     */
    public static ObjectMapper create() {
        JsonFactory factory = JsonFactory.builder().streamReadConstraints(JsonLimits.constraints()).build();
        JsonSetter.Value collectionNulls = JsonSetter.Value.construct(Nulls.AS_EMPTY, Nulls.FAIL);
        return JsonMapper.builder(factory)
                .withConfigOverride(Collection.class, override -> override.setSetterInfo(collectionNulls))
                .withConfigOverride(List.class, override -> override.setSetterInfo(collectionNulls))
                .withConfigOverride(Set.class, override -> override.setSetterInfo(collectionNulls))
                .addModule(new JavaTimeModule())
                .addModule(new SimpleModule("tessera-bounded-decimals")
                        .addDeserializer(BigDecimal.class, new BoundedDecimalDeserializer()))
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(JsonParser.Feature.AUTO_CLOSE_SOURCE)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .build();
    }
}
