package org.tessera.crm.core.api.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One mutation of one record. */
public class AuditRecordDTO {
    public String id;
    public Instant at;
    /** Login of the caller, or {@code system}. */
    public String userId;
    public String entityType;
    public String entityId;
    public AuditAction action;
    public List<FieldChangeDTO> changes = new ArrayList<>();
}
