/**
 * Parties (persons, organizations, households), their contact mechanisms, roles, relationships and the party service.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package org.tessera.crm.core.api.party;
