/**
 * The marketing module's API: campaigns (a tree with totals and ROI), their member statuses,
 * members and responses, segments over parties, offers with price rules and call scripts, email
 * sends, and {@link org.tessera.crm.marketing.api.OfferPriceRules}, which sales reads when present.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.tessera.crm.marketing.api;
