/**
 * A generic SLA engine, attachable to any record: business calendars ({@link org.tessera.crm.service.api.sla.BusinessCalendar}),
 * versioned policies selected by rules, milestones with warning, violation and success actions,
 * pause and resume, and a database-driven scheduler. The service module uses it for its requests;
 * another module attaches it to its own records through {@link org.tessera.crm.service.api.sla.SlaEngine}
 * (an optional service reference: the engine ships with the service module) and answers the
 * record-changing actions through {@link org.tessera.crm.service.api.sla.SlaSubjectHandler}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.tessera.crm.service.api.sla;
