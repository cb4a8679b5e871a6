/**
 * Minimal organisation structure: org units (agencies, regions, territories) and agents, enough to own and scope records.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.tessera.crm.core.api.org;
