/**
 * The insurance pack: policies (terms linked by renewal, endorsements as dated revisions of a
 * term, coverages, participants), claims with amounts and payments per coverage, the renewal and
 * lapse runs, and household rollups. Value types (DTOs), services, entity type names and Event
 * Admin topics.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.tessera.crm.insurance.api;
