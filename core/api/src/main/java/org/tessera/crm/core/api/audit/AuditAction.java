package org.tessera.crm.core.api.audit;

/** What a mutation did to a record. */
public enum AuditAction {
    CREATE, UPDATE, DELETE
}
