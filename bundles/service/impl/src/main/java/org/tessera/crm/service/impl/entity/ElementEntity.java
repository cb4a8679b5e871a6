package org.tessera.crm.service.impl.entity;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;

import org.tessera.crm.core.kit.jpa.InstantConverter;

/** One element of a request's dossier, unique per request, kind and reference. */
@Entity
@Table(name = "service_request_element")
public class ElementEntity {
    @Id
    @SequenceGenerator(name = "service_element_gen", sequenceName = "service_row_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "service_element_gen")
    public Long id;
    @Column(name = "request_id")
    public long requestId;
    public String kind;
    public String ref;
    public String label;
    @Column(name = "added_at")
    @Convert(converter = InstantConverter.class)
    public Instant addedAt;
}
