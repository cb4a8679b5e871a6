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

/** One changed field of a request; written with the change, never updated. */
@Entity
@Table(name = "service_request_history")
public class HistoryEntity {
    @Id
    @SequenceGenerator(name = "service_history_gen", sequenceName = "service_row_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "service_history_gen")
    public Long id;
    @Column(name = "request_id")
    public long requestId;
    @Column(name = "changed_at")
    @Convert(converter = InstantConverter.class)
    public Instant at;
    public String actor;
    public String field;
    @Column(name = "old_value")
    public String oldValue;
    @Column(name = "new_value")
    public String newValue;
}
