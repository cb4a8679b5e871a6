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
    /** For an email: who it was sent to, and the Message-ID the mail server got. */
    public List<String> sentTo = new ArrayList<>();
    public String messageId;
    /** Why an email could not be sent now (the mail server unreachable or not configured); the document is kept. */
    public String deliveryError;
    public Instant createdAt;
}
