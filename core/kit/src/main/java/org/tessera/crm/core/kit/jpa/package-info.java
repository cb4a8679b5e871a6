/**
 * Persistence for modules: one transaction helper per persistence unit
 * ({@link org.tessera.crm.core.kit.jpa.Tx}, {@link org.tessera.crm.core.kit.jpa.JpaTemplateTx}) that
 * turns what the database refuses into 4xx exceptions naming the field
 * ({@link org.tessera.crm.core.kit.jpa.DatabaseRefusals}), record scope as a condition of the query
 * ({@link org.tessera.crm.core.kit.jpa.ScopeFilter}), the audit of a module's mutations
 * ({@link org.tessera.crm.core.kit.jpa.ModuleAudit}) and of its events in the same transaction
 * ({@link org.tessera.crm.core.kit.jpa.ModuleEvents}), the records that depend on another
 * ({@link org.tessera.crm.core.kit.jpa.Dependents}) and the {@code Instant} converter.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.5.0")
package org.tessera.crm.core.kit.jpa;
