package org.tessera.crm.service.impl.entity;

import java.time.Instant;

import javax.persistence.Basic;
import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Lob;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;

import org.tessera.crm.core.kit.jpa.InstantConverter;

/** A generated letter or email, with its HTML and PDF renderings and, for an email, its delivery. */
@Entity
@Table(name = "service_document")
public class DocumentEntity {
    @Id
    @SequenceGenerator(name = "service_document_gen", sequenceName = "service_row_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "service_document_gen")
    public Long id;
    @Column(name = "request_id")
    public long requestId;
    @Column(name = "template_code")
    public String templateCode;
    public String kind;
    public String subject;
    @Lob
    public String html;
    @Lob
    @Basic(fetch = FetchType.LAZY)
    public byte[] pdf;
    @Column(name = "sent_to")
    public String sentTo;
    @Column(name = "message_id")
    public String messageId;
    @Column(name = "created_at")
    @Convert(converter = InstantConverter.class)
    public Instant createdAt;
    /** An email's delivery: PENDING, SENT or FAILED; null for a letter. */
    @Column(name = "send_state")
    public String sendState;
    @Column(name = "send_attempts")
    public int sendAttempts;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "next_attempt_at")
    @Convert(converter = InstantConverter.class)
    public Instant nextAttemptAt;
}
