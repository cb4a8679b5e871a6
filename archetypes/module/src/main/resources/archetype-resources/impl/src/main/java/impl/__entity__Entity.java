package ${package}.impl;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;
import javax.persistence.Version;

import org.tessera.crm.core.kit.jpa.InstantConverter;

/** A ${entityLabel} row. The party is a core record, referenced by id only. */
@Entity
@Table(name = "${module}_${entityName}")
public class ${entity}Entity {
    @Id
    @SequenceGenerator(name = "${module}_${entityName}_gen", sequenceName = "${module}_${entityName}_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "${module}_${entityName}_gen")
    Long id;
    @Version
    long version;
    @Column(name = "party_id")
    long partyId;
    String name;
    String description;
    @Column(name = "created_at")
    @Convert(converter = InstantConverter.class)
    Instant createdAt;
    @Column(name = "updated_at")
    @Convert(converter = InstantConverter.class)
    Instant updatedAt;
}
