/**
 * A module's personal data provider from a declaration of its tables: which rows concern a person,
 * which columns to export, which to blank on erasure, which custom values are personal, and what the
 * law requires to keep ({@link org.tessera.crm.core.kit.privacy.PersonalTable},
 * {@link org.tessera.crm.core.kit.privacy.TablePersonalDataProvider}).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.tessera.crm.core.kit.privacy;
