package org.tessera.crm.core.api.duplicate;

/** What a write that matches a duplicate rule is told. */
public enum DuplicateAction {
    /** Refused with the candidates; the caller may confirm with {@code allowDuplicates}. */
    WARN,
    /** Refused; cannot be overridden. */
    BLOCK
}
