package org.tessera.crm.core.impl.entity;

import javax.persistence.Column;
import javax.persistence.Embeddable;

@Embeddable
public class PicklistValue {
    @Column(nullable = false)
    public String code;
    public String label;
    public boolean active;
    @Column(name = "sort_order")
    public int sortOrder;
}
