package org.tessera.crm.marketing.impl.entity;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;
import javax.persistence.Version;

import org.tessera.crm.core.kit.jpa.InstantConverter;

/** A saved segment: its criteria as JSON (DYNAMIC), or a list of parties in marketing_list_party (STATIC). */
@Entity
@Table(name = "marketing_segment")
public class SegmentEntity {
    @Id
    @SequenceGenerator(name = "marketing_gen", sequenceName = "marketing_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "marketing_gen")
    public Long id;
    @Version
    public long version;
    public String name;
    public String description;
    public String kind;
    public String criteria;
    @Column(name = "created_at")
    @Convert(converter = InstantConverter.class)
    public Instant createdAt;
    @Column(name = "updated_at")
    @Convert(converter = InstantConverter.class)
    public Instant updatedAt;
}
