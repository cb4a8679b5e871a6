/**
 * The banking pack: financial accounts and the parties that hold roles on them, holdings,
 * assets and liabilities declared outside accounts, households with their rollups, life events,
 * and next-best-offer rules evaluated at each interaction. Value types, services, entity types
 * and event topics.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.tessera.crm.banking.api;
