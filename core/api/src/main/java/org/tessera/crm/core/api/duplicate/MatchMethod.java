package org.tessera.crm.core.api.duplicate;

/** How one field of a rule compares two parties. */
public enum MatchMethod {
    /** The values are equal once trimmed. */
    EXACT,
    /**
     * The values are equal once normalized: case and accents folded, punctuation and white space
     * collapsed; email addresses lower-cased; phone numbers in E.164.
     */
    NORMALIZED,
    /** The normalized values are at least {@link MatchFieldDTO#threshold} similar (Jaro-Winkler, 0..1). */
    FUZZY
}
