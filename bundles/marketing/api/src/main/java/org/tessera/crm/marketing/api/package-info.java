/**
 * The marketing module's API: campaigns (a tree with totals and ROI), their member statuses,
 * members and responses, segments over parties, offers with price rules and call scripts, email
 * sends, {@link org.tessera.crm.marketing.api.OfferPriceRules}, which sales reads when present, and
 * {@link org.tessera.crm.marketing.api.OfferCatalog}, through which other modules propose offers.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.tessera.crm.marketing.api;
