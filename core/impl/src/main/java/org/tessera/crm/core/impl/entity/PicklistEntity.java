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
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;
import javax.persistence.Version;

@Entity
@Table(name = "picklist")
public class PicklistEntity {
    @Id
    @SequenceGenerator(name = "picklist_gen", sequenceName = "picklist_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "picklist_gen")
    public Long id;
    @Version
    public long version;
    @Column(name = "picklist_key", nullable = false)
    public String key;
    public String label;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "picklist_value", joinColumns = @JoinColumn(name = "picklist_id"))
    public List<PicklistValue> values = new ArrayList<>();
}
