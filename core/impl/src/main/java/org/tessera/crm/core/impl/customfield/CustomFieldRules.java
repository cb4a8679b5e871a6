package org.tessera.crm.core.impl.customfield;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

import org.tessera.crm.core.api.customfield.CustomFieldDefinitionDTO;
import org.tessera.crm.core.api.customfield.CustomFieldType;
import org.tessera.crm.core.api.customfield.PicklistDTO;
import org.tessera.crm.core.api.customfield.PicklistValueDTO;
import org.tessera.crm.core.kit.FieldErrors;

/** Rules of custom field definitions and picklists, and their defaults. */
public final class CustomFieldRules {
    static final Pattern FIELD_KEY = Pattern.compile("[a-z][a-zA-Z0-9]{0,62}");
    static final Pattern PICKLIST_KEY = Pattern.compile("[a-z][a-z0-9-]{0,62}");
    static final Pattern ENTITY_TYPE = Pattern.compile("[A-Z][A-Z0-9_]{0,49}");
    static final int DEFAULT_MAX_LENGTH = 255;
    static final int MAX_LENGTH = 4000;

    private CustomFieldRules() {
    }

    /** Fills the defaults of a definition in place. */
    public static void applyDefaults(CustomFieldDefinitionDTO definition) {
        if (definition.type == CustomFieldType.STRING && definition.maxLength == null) {
            definition.maxLength = DEFAULT_MAX_LENGTH;
        }
        if (definition.type == CustomFieldType.REFERENCE && definition.referenceType == null) {
            definition.referenceType = "PARTY";
        }
    }

    /** Errors of a definition; {@code picklistExists} answers whether a named picklist is stored. */
    public static FieldErrors check(CustomFieldDefinitionDTO d, java.util.function.Predicate<String> picklistExists) {
        FieldErrors errors = new FieldErrors();
        if (d.entityType == null || d.entityType.isBlank()) {
            errors.required("entityType", d.entityType);
        } else if (!ENTITY_TYPE.matcher(d.entityType).matches()) {
            errors.invalid("entityType", "must be an upper case entity type name such as PARTY");
        }
        if (d.key == null || d.key.isBlank()) {
            errors.required("key", d.key);
        } else if (!FIELD_KEY.matcher(d.key).matches()) {
            errors.invalid("key", "must be a lower camel case identifier of at most 63 characters");
        }
        errors.required("type", d.type);
        errors.maxLength("label", d.label, 200);
        errors.maxLength("module", d.module, 100);
        if (d.type == CustomFieldType.STRING && d.maxLength != null
                && (d.maxLength < 1 || d.maxLength > MAX_LENGTH)) {
            errors.invalid("maxLength", "must be between 1 and " + MAX_LENGTH);
        }
        if (d.type == CustomFieldType.PICKLIST) {
            boolean hasValues = d.values != null && !d.values.isEmpty();
            if (!hasValues && d.picklist == null) {
                errors.invalid("values", "a PICKLIST field needs values or a picklist");
            }
            if (d.picklist != null && !picklistExists.test(d.picklist)) {
                errors.invalid("picklist", "no such picklist");
            }
            if (hasValues) {
                for (int i = 0; i < d.values.size(); i++) {
                    errors.required("values[" + i + "]", d.values.get(i));
                    errors.maxLength("values[" + i + "]", d.values.get(i), 100);
                }
            }
        }
        return errors;
    }

    public static FieldErrors check(PicklistDTO p) {
        FieldErrors errors = new FieldErrors();
        if (p.key == null || p.key.isBlank()) {
            errors.required("key", p.key);
        } else if (!PICKLIST_KEY.matcher(p.key).matches()) {
            errors.invalid("key", "must be lower case words separated by '-', at most 63 characters");
        }
        errors.maxLength("label", p.label, 200);
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < p.values.size(); i++) {
            PicklistValueDTO value = p.values.get(i);
            String field = "values[" + i + "].code";
            if (value == null || value.code == null || value.code.isBlank()) {
                errors.required(field, null);
            } else {
                errors.maxLength(field, value.code, 100);
                errors.maxLength("values[" + i + "].label", value.label, 200);
                if (!codes.add(value.code)) {
                    errors.invalid(field, "duplicate code");
                }
            }
        }
        return errors;
    }
}
