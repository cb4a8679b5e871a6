package org.tessera.crm.core.api.party;

import java.time.LocalDate;

/**
 * A way to reach a party: an email address, a phone number, a postal address or a web address,
 * with its purpose (work, home, billing…), primary flag, validity dates and opt-out.
 * {@link #value} holds the address for every type but {@code POSTAL}, which uses the address
 * fields.
 */
public class ContactMechanismDTO {
    /** Server-assigned id, stable across updates of the party. */
    public String id;
    public ContactMechanismType type;
    /** Email address, phone number or URL. */
    public String value;
    public String line1;
    public String line2;
    public String postalCode;
    public String city;
    public String region;
    /** ISO 3166-1 alpha-2 country code. */
    public String country;
    /** Purpose code: WORK, HOME, MOBILE, BILLING, SHIPPING… */
    public String purpose;
    /** At most one primary mechanism per type. */
    public boolean primary;
    /** The party refused contact through this mechanism (GDPR consent withdrawn). */
    public boolean optOut;
    public LocalDate validFrom;
    public LocalDate validThru;
}
