package org.tessera.crm.sales.impl.entity;

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

@Entity
@Table(name = "sales_product")
public class ProductEntity {
    @Id
    @SequenceGenerator(name = "sales_product_gen", sequenceName = "sales_product_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sales_product_gen")
    public Long id;
    @Version
    public long version;
    public String code;
    public String name;
    public String family;
    public String description;
    public boolean active;
    @Column(name = "created_at")
    @Convert(converter = InstantConverter.class)
    public Instant createdAt;
    @Column(name = "updated_at")
    @Convert(converter = InstantConverter.class)
    public Instant updatedAt;
}
