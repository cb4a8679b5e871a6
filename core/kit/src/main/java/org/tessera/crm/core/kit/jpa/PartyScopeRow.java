package org.tessera.crm.core.kit.jpa;

import javax.persistence.Cacheable;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

import org.eclipse.persistence.annotations.ReadOnly;

/**
 * The two columns of the core's party table that record scope needs, read-only, so that a module's
 * queries can filter its records by the org unit of the party they belong to without a JPA
 * relationship across bundles. List it in the module's persistence unit; {@link ScopeFilter} uses
 * it under the entity name {@value #ENTITY}.
 */
@Entity(name = PartyScopeRow.ENTITY)
@Table(name = "party")
@ReadOnly
@Cacheable(false)
public class PartyScopeRow {
    public static final String ENTITY = "TesseraPartyScope";

    @Id
    public Long id;
    @Column(name = "org_unit_id")
    public Long orgUnitId;
}
