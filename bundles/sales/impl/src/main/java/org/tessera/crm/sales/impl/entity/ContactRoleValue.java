package org.tessera.crm.sales.impl.entity;

import javax.persistence.Column;
import javax.persistence.Embeddable;

@Embeddable
public class ContactRoleValue {
    @Column(name = "party_id")
    public Long partyId;
    @Column(name = "contact_role")
    public String role;
    @Column(name = "is_primary")
    public boolean primary;
}
