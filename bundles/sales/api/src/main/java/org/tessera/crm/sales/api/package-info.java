/**
 * Sales force automation: leads, opportunities with their pipelines and stages, products, price
 * lists and quotes. Value types (DTOs) and the services of the sales module, plus the entity
 * type names and Event Admin topics other modules react to.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.4.0")
package org.tessera.crm.sales.api;
