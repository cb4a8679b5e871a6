package org.tessera.crm.core.impl.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;
import javax.persistence.Version;

@Entity
@Table(name = "org_unit")
public class OrgUnitEntity {
    @Id
    @SequenceGenerator(name = "org_unit_gen", sequenceName = "org_unit_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "org_unit_gen")
    public Long id;
    @Version
    public long version;
    @Column(nullable = false)
    public String code;
    @Column(nullable = false)
    public String name;
    @Column(name = "parent_id")
    public Long parentId;
}
