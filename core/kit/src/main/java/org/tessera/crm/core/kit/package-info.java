/**
 * The module kit: what every Tessera module needs beyond its domain code, written once. Opaque
 * ids ({@link org.tessera.crm.core.kit.Ids}) and keyset cursors
 * ({@link org.tessera.crm.core.kit.KeysetCursor}, {@link org.tessera.crm.core.kit.Pages}) shared by
 * every list of the API, field errors ({@link org.tessera.crm.core.kit.FieldErrors}), decimals held to
 * the API's bounds ({@link org.tessera.crm.core.kit.Decimals}), custom field
 * values stored as JSON ({@link org.tessera.crm.core.kit.CustomValuesJson}) and the properties of
 * domain events ({@link org.tessera.crm.core.kit.EventProperties}, with the fields an update changed:
 * {@link org.tessera.crm.core.kit.ChangedFields}). Persistence helpers are in
 * {@code org.tessera.crm.core.kit.jpa}, REST helpers in {@code org.tessera.crm.core.kit.rest};
 * {@code docs/writing-a-module.md} walks through them.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.3.0")
package org.tessera.crm.core.kit;
