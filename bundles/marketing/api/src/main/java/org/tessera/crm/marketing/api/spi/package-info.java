/** What other modules register for marketing: the source of the opportunities and leads a campaign is credited with. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.tessera.crm.marketing.api.spi;
