/**
 * The car dealer pack's API: vehicles owned by parties, and test drives recorded as core
 * activities linked to the vehicle.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.tessera.crm.examples.dealer.api;
