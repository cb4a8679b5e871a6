package org.tessera.crm.service.api;

import java.time.Instant;

/** One changed field of a request: who changed it, when, from what to what. */
public class HistoryEntryDTO {
    public Instant at;
    public String actor;
    public String field;
    public String oldValue;
    public String newValue;
}
