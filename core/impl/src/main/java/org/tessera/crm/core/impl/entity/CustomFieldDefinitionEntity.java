package org.tessera.crm.core.impl.entity;

import java.util.ArrayList;
import java.util.List;

import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.ElementCollection;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.OrderColumn;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;
import javax.persistence.Version;

@Entity
@Table(name = "custom_field_def")
public class CustomFieldDefinitionEntity {
    @Id
    @SequenceGenerator(name = "custom_field_def_gen", sequenceName = "custom_field_def_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "custom_field_def_gen")
    public Long id;
    @Version
    public long version;
    @Column(name = "entity_type", nullable = false)
    public String entityType;
    @Column(name = "field_key", nullable = false)
    public String key;
    public String label;
    @Column(name = "field_type", nullable = false)
    public String type;
    @Column(name = "is_required")
    public boolean required;
    @Column(name = "picklist_key")
    public String picklist;
    @Column(name = "reference_type")
    public String referenceType;
    @Column(name = "max_length")
    public Integer maxLength;
    @Column(name = "module_name")
    public String module;
    @Column(name = "is_sensitive")
    public boolean sensitive;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "custom_field_def_value", joinColumns = @JoinColumn(name = "def_id"))
    @OrderColumn(name = "sort_order")
    @Column(name = "code")
    public List<String> values = new ArrayList<>();
}
