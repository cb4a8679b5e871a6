/**
 * The 360° overview of a party: its key facts and one section per contributing module, each
 * computed by an {@link org.tessera.crm.core.api.spi.OverviewContributor}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.tessera.crm.core.api.overview;
