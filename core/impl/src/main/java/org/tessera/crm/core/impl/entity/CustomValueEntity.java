package org.tessera.crm.core.impl.entity;

import java.math.BigDecimal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;

/**
 * One custom field value of any entity (EAV, so that defining a field needs no DDL). The owning
 * record's version guards these rows, hence no own version column.
 */
@Entity
@Table(name = "custom_value")
@IdClass(CustomValueKey.class)
public class CustomValueEntity {
    /** Longest prefix of the canonical text held in the indexed {@code text_prefix} column. */
    public static final int PREFIX_LENGTH = 200;

    @Id
    @Column(name = "entity_type")
    public String entityType;
    @Id
    @Column(name = "entity_id")
    public Long entityId;
    @Id
    @Column(name = "field_key")
    public String fieldKey;
    /** Canonical text form of the value: what equality filters compare. */
    @Column(name = "text_value", nullable = false)
    public String textValue;
    /** First characters of {@link #textValue}, indexed (a 4000-character key would not fit a Derby index page). */
    @Column(name = "text_prefix", nullable = false)
    public String textPrefix;
    /** Value of NUMBER and DECIMAL fields, for range filters. */
    @Column(name = "number_value")
    public BigDecimal numberValue;

    public static String prefixOf(String text) {
        return text.length() <= PREFIX_LENGTH ? text : text.substring(0, PREFIX_LENGTH);
    }
}
