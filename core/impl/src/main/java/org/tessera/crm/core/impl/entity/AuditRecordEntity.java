package org.tessera.crm.core.impl.entity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.ElementCollection;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.OrderColumn;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;

/** One mutation of one record. Inserted in the mutation's transaction, never updated (no column is updatable). */
@Entity
@Table(name = "audit_record")
public class AuditRecordEntity {
    @Id
    @SequenceGenerator(name = "audit_gen", sequenceName = "audit_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_gen")
    public Long id;
    @Column(name = "occurred_at", nullable = false, updatable = false)
    @Convert(converter = InstantConverter.class)
    public Instant occurredAt;
    @Column(name = "user_login", nullable = false, updatable = false)
    public String userLogin;
    @Column(name = "entity_type", nullable = false, updatable = false)
    public String entityType;
    @Column(name = "entity_id", nullable = false, updatable = false)
    public String entityId;
    @Column(nullable = false, updatable = false)
    public String action;
    /** The changes as one JSON array ({@code AuditChangeList}) when written with JDBC; then {@link #changes} is empty. */
    @Column(name = "change_list", updatable = false, length = 32000)
    public String changeList;
    @ElementCollection
    @CollectionTable(name = "audit_change", joinColumns = @JoinColumn(name = "audit_id"))
    @OrderColumn(name = "position")
    public List<AuditChange> changes = new ArrayList<>();
}
