package org.tessera.crm.core.impl.imports.jobs;

import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;

/** The fields a row type can be given, as Jackson reads it: what a CSV mapping may name. */
final class RowTypes {
    private RowTypes() {
    }

    static Set<String> properties(ObjectMapper mapper, Class<?> type) {
        BeanDescription bean = mapper.getDeserializationConfig().introspect(mapper.constructType(type));
        Set<String> names = new TreeSet<>();
        for (BeanPropertyDefinition property : bean.findProperties()) {
            if (property.couldDeserialize()) {
                names.add(property.getName());
            }
        }
        return names;
    }
}
