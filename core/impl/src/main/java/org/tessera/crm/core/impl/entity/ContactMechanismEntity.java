package org.tessera.crm.core.impl.entity;

import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.ManyToOne;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;
import javax.persistence.Version;

@Entity
@Table(name = "contact_mechanism")
public class ContactMechanismEntity {
    @Id
    @SequenceGenerator(name = "contact_mechanism_gen", sequenceName = "contact_mechanism_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "contact_mechanism_gen")
    public Long id;
    @Version
    public long version;
    @ManyToOne(optional = false)
    @JoinColumn(name = "party_id")
    public PartyEntity party;
    @Column(name = "mech_type", nullable = false)
    public String type;
    @Column(name = "mech_value")
    public String value;
    public String line1;
    public String line2;
    @Column(name = "postal_code")
    public String postalCode;
    public String city;
    public String region;
    public String country;
    public String purpose;
    @Column(name = "is_primary")
    public boolean primary;
    @Column(name = "opt_out")
    public boolean optOut;
    @Column(name = "valid_from")
    public LocalDate validFrom;
    @Column(name = "valid_thru")
    public LocalDate validThru;
}
