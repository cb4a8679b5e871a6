package org.tessera.crm.core.impl.entity;

import javax.persistence.Column;
import javax.persistence.Embeddable;

/** One changed field of an audit record. */
@Embeddable
public class AuditChange {
    @Column(name = "field", nullable = false, updatable = false)
    public String field;
    @Column(name = "old_value", updatable = false, length = 4000)
    public String oldValue;
    @Column(name = "new_value", updatable = false, length = 4000)
    public String newValue;
}
