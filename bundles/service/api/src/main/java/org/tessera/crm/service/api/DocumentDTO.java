package org.tessera.crm.service.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A document generated for a request from a template: kept with the request as an element of its dossier. */
public class DocumentDTO {
    public String id;
    public String requestId;
    public String templateCode;
    public DocumentTemplateDTO.DocumentKind kind;
    public String subject;
    /** The rendered HTML. */
    public String html;
    /** Whether a PDF rendering is stored ({@code GET .../documents/{id}/pdf}). */
    public boolean hasPdf;
    /** For an email: its recipients, and once sent the Message-ID the mail server got. */
    public List<String> sentTo = new ArrayList<>();
    public String messageId;
    /** Why an email could not be sent now (the mail server unreachable or not configured); the document is kept. */
    public String deliveryError;
    public Instant createdAt;
    /** An email's delivery ({@code null} for a letter). */
    public SendState sendState;
    /** Attempts made to hand the email to the mail server. */
    public int sendAttempts;
    /** The last attempt's error, if it failed. */
    public String lastError;
    /** When the scheduler tries again (PENDING only). */
    public Instant nextAttemptAt;

    /**
     * PENDING: not sent yet, tried again by the scheduler with a growing delay after a temporary failure;
     * SENT: taken by the mail server; FAILED: refused for good, or still failing after the last attempt.
     */
    public enum SendState {
        PENDING, SENT, FAILED
    }
}
