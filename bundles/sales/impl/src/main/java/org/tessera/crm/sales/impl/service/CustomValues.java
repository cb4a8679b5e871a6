package org.tessera.crm.sales.impl.service;

import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.tessera.crm.core.kit.rest.ObjectMappers;

/**
 * Custom field values of sales records, stored in the module's own tables as one JSON value per
 * field; normalized by the core's CustomFieldService before they are stored.
 */
final class CustomValues {
    private static final ObjectMapper JSON = ObjectMappers.create();

    private CustomValues() {
    }

    static Map<String, String> encode(Map<String, Object> values) {
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

    static Map<String, Object> decode(Map<String, String> stored) {
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
