package org.tessera.crm.core.api.imports;

/**
 * A record named by its id in another system, e.g. {@code {"source": "legacy", "id": "C-123"}}:
 * how an import file refers to records it knows only by the ids of the system it comes from.
 */
public class ExternalIdRef {
    public String source;
    public String id;

    public ExternalIdRef() {
    }

    public ExternalIdRef(String source, String id) {
        this.source = source;
        this.id = id;
    }
}
