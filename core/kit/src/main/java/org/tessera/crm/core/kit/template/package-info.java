/**
 * The one merge-field template mechanism of Tessera: marketing's emails, service's letters and any
 * module's documents parse a {@link org.tessera.crm.core.kit.template.MergeTemplate} once and render
 * it per recipient; {@link org.tessera.crm.core.kit.template.PartyMergeFields} gives every module the
 * same merge fields of a party.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.tessera.crm.core.kit.template;
