package org.tessera.crm.core.api.customfield;

import java.util.ArrayList;
import java.util.List;

/**
 * A custom field on an entity type ({@code PARTY}, {@code ACTIVITY}, or a module's type such as
 * {@code OPPORTUNITY}). Values are stored without DDL, validated against this definition and
 * filterable through the REST API.
 */
public class CustomFieldDefinitionDTO {
    public String id;
    public String entityType;
    /** Field key, unique per entity type: a lower camel case identifier such as {@code riskProfile}. */
    public String key;
    public String label;
    public CustomFieldType type;
    public boolean required;
    /** Allowed codes of a {@code PICKLIST} field, when not taken from {@link #picklist}. */
    public List<String> values = new ArrayList<>();
    /** Key of the picklist whose active values a {@code PICKLIST} field accepts. */
    public String picklist;
    /** Entity type a {@code REFERENCE} field points to, {@code PARTY} by default. */
    public String referenceType;
    /** Maximum length of a {@code STRING} value; 255 by default, 4000 at most. */
    public Integer maxLength;
    /**
     * Personal data to protect (a risk profile, a health note): on parties, only callers with
     * {@code core.party.sensitive} see or write the value, and the audit trail masks it.
     */
    public boolean sensitive;
    /** Name of the module that contributed the field, {@code null} when an administrator created it. */
    public String module;
    public long version;
}
