package org.tessera.crm.core.kit;

import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.tessera.crm.core.kit.rest.ObjectMappers;

/**
 * Custom field values of a module's records, stored in the module's own tables as one JSON value
 * per field (an {@code @ElementCollection Map<String, String>}). Normalize them with the core's
 * {@code CustomFieldService} before encoding: this class only stores what was validated.
 */
public final class CustomValuesJson {
    private static final ObjectMapper JSON = ObjectMappers.create();

    private CustomValuesJson() {
    }

    /** The stored form: key → JSON text, null values left out, keys sorted. */
    public static Map<String, String> encode(Map<String, Object> values) {
        Map<String, String> stored = new TreeMap<>();
        values.forEach((key, value) -> {
            if (value != null) {
                try {
                    stored.put(key, JSON.writeValueAsString(value));
                } catch (JsonProcessingException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
        return stored;
    }

    /** The API form of stored values, in key order. */
    public static Map<String, Object> decode(Map<String, String> stored) {
        Map<String, Object> values = new LinkedHashMap<>();
        new TreeMap<>(stored).forEach((key, json) -> {
            try {
                values.put(key, JSON.readValue(json, Object.class));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        });
        return values;
    }
}
