package org.tessera.crm.core.api.customfield;

/**
 * Value type of a custom field and its JSON form: STRING (string), NUMBER (integer), DECIMAL
 * (number), DATE (ISO-8601 date string), BOOLEAN, PICKLIST (one code of the field's values or
 * picklist), REFERENCE (the id of a record of {@link CustomFieldDefinitionDTO#referenceType}).
 */
public enum CustomFieldType {
    STRING, NUMBER, DECIMAL, DATE, BOOLEAN, PICKLIST, REFERENCE
}
