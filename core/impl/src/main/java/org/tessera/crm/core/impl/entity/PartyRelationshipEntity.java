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
@Table(name = "party_relationship")
public class PartyRelationshipEntity {
    @Id
    @SequenceGenerator(name = "party_relationship_gen", sequenceName = "party_relationship_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "party_relationship_gen")
    public Long id;
    @Version
    public long version;
    @Column(name = "rel_type", nullable = false)
    public String type;
    @Column(name = "from_party_id", nullable = false)
    public Long fromPartyId;
    @Column(name = "to_party_id", nullable = false)
    public Long toPartyId;
    @Column(name = "valid_from")
    public LocalDate from;
    @Column(name = "valid_thru")
    public LocalDate thru;
}
