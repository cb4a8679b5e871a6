/**
 * Personal data and consent: the export and erasure of everything the installed modules hold about
 * a person ({@link org.tessera.crm.core.api.privacy.PersonalDataService}, the
 * {@link org.tessera.crm.core.api.privacy.PersonalDataProvider} each module registers), a party's
 * legal hold, and consent per purpose and channel ({@link org.tessera.crm.core.api.privacy.ConsentService}).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.tessera.crm.core.api.privacy;
