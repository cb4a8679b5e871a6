package org.tessera.crm.core.impl.entity;

import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;
import javax.persistence.Version;

@Entity
@Table(name = "party_role")
public class PartyRoleEntity {
    @Id
    @SequenceGenerator(name = "party_role_gen", sequenceName = "party_role_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "party_role_gen")
    public Long id;
    @Version
    public long version;
    @Column(name = "party_id", nullable = false)
    public Long partyId;
    @Column(name = "role_type", nullable = false)
    public String type;
    @Column(name = "valid_from")
    public LocalDate from;
    @Column(name = "valid_thru")
    public LocalDate thru;
}
