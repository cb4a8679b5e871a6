package org.tessera.crm.service.api;

import java.time.Instant;

/** One element of a request's dossier: an interaction, a letter, an email, an agent, a participant, an object. */
public class RequestElementDTO {
    public ElementKind kind;
    /** An activity id, a document id, an agent id, a party id, or {@code module:entity:id}. */
    public String ref;
    public String label;
    public Instant addedAt;

    /** The kinds a request lists its elements by. */
    public enum ElementKind {
        INTERACTION, LETTER, EMAIL, AGENT, PARTICIPANT, OBJECT
    }
}
