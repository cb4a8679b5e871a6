package org.tessera.crm.core.api.merge;

/**
 * A record a merge re-pointed from a victim to the survivor (or, for {@code kept}, left on the victim).
 */
public class MovedRecordDTO {
    /** The module that owns the record ({@code core} for the core's). */
    public String module;
    /** The module's name of the record type, e.g. {@code LEAD}, {@code CONTACT_MECHANISM}. */
    public String recordType;
    /** The record's key; a composite key joined with {@code :}. */
    public String recordId;
    /** The column that pointed at the victim, e.g. {@code party_id}. */
    public String field;
    public String fromPartyId;
    public String toPartyId;
    /** Why the record stayed on the victim (kept records only). */
    public String reason;

    public MovedRecordDTO() {
    }

    public MovedRecordDTO(String module, String recordType, String recordId, String field, String fromPartyId, String toPartyId) {
        this.module = module;
        this.recordType = recordType;
        this.recordId = recordId;
        this.field = field;
        this.fromPartyId = fromPartyId;
        this.toPartyId = toPartyId;
    }
}
