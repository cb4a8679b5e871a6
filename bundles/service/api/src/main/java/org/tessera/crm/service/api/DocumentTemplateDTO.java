package org.tessera.crm.service.api;

/**
 * A letter or email template with merge fields ({@code {{party.lastName}}}, {@code {{request.number}}},
 * {@code {{agent.displayName}}}): the core's merge-field syntax.
 */
public class DocumentTemplateDTO {
    public String code;
    public String name;
    public DocumentKind kind;
    public String subject;
    /** HTML with merge fields. */
    public String body;
    public long version;

    /** Letters are rendered to HTML and PDF and kept; emails are also sent. */
    public enum DocumentKind {
        LETTER, EMAIL
    }
}
