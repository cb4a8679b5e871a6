package org.tessera.crm.core.impl.party;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.tessera.crm.core.api.EntityTypes;
import org.tessera.crm.core.api.party.Classifications;
import org.tessera.crm.core.api.party.ContactMechanismDTO;
import org.tessera.crm.core.api.party.ContactMechanismType;
import org.tessera.crm.core.api.party.PartyDTO;
import org.tessera.crm.core.impl.support.ExternalIds;
import org.tessera.crm.core.kit.FieldErrors;
import org.tessera.crm.core.impl.support.JpaLookups;
import org.tessera.crm.core.impl.support.Lookups;

/**
 * The core's own checks of a party, every error named by its JSON path. Custom fields,
 * uniqueness of external ids and registered validators are checked elsewhere.
 */
public final class PartyRules {
    static final String CONTACT_PURPOSE_PICKLIST = "contact-purpose";

    private final Lookups lookups;
    private final LocalDate today;

    public PartyRules(Lookups lookups, LocalDate today) {
        this.lookups = lookups;
        this.today = today;
    }

    public FieldErrors check(PartyDTO p) {
        FieldErrors errors = new FieldErrors();
        errors.required("type", p.type);
        if (p.type != null) {
            switch (p.type) {
                case PERSON -> {
                    if (isBlank(p.lastName) && isBlank(p.firstName)) {
                        errors.required("lastName", null);
                    }
                }
                case ORGANIZATION -> errors.required("legalName", p.legalName);
                case HOUSEHOLD -> errors.required("name", p.name);
            }
        }
        errors.maxLength("salutation", p.salutation, 50);
        errors.maxLength("firstName", p.firstName, 100);
        errors.maxLength("lastName", p.lastName, 100);
        errors.maxLength("jobTitle", p.jobTitle, 100);
        errors.maxLength("legalName", p.legalName, 200);
        errors.maxLength("registrationNumber", p.registrationNumber, 50);
        errors.maxLength("industry", p.industry, 100);
        errors.maxLength("name", p.name, 200);
        if (p.birthDate != null && p.birthDate.isAfter(today)) {
            errors.invalid("birthDate", "must not be in the future");
        }
        checkClassifications(p.classifications, errors);
        checkContactMechanisms(p.contactMechanisms, errors);
        ExternalIds.check(p.externalIds, errors);
        if (p.ownerId != null && !JpaLookups.exists(lookups, EntityTypes.AGENT, p.ownerId)) {
            errors.invalid("ownerId", "no such agent");
        }
        if (p.orgUnitId != null && !JpaLookups.exists(lookups, EntityTypes.ORG_UNIT, p.orgUnitId)) {
            errors.invalid("orgUnitId", "no such org unit");
        }
        return errors;
    }

    private void checkClassifications(Set<String> classifications, FieldErrors errors) {
        int i = 0;
        for (String code : classifications) {
            if (!lookups.isActiveValue(Classifications.PICKLIST, code)) {
                errors.invalid("classifications[" + i + "]", "not an active value of " + Classifications.PICKLIST);
            }
            i++;
        }
    }

    private void checkContactMechanisms(List<ContactMechanismDTO> mechanisms, FieldErrors errors) {
        Set<ContactMechanismType> primaries = EnumSet.noneOf(ContactMechanismType.class);
        for (int i = 0; i < mechanisms.size(); i++) {
            String path = "contactMechanisms[" + i + "]";
            ContactMechanismDTO m = mechanisms.get(i);
            if (m == null) {
                errors.required(path, null);
                continue;
            }
            if (m.type == null) {
                errors.required(path + ".type", null);
            } else {
                checkValue(path, m, errors);
                if (m.primary && !primaries.add(m.type)) {
                    errors.invalid(path + ".primary", "only one primary " + m.type + " is allowed");
                }
            }
            errors.maxLength(path + ".value", m.value, 320);
            errors.maxLength(path + ".line1", m.line1, 200);
            errors.maxLength(path + ".line2", m.line2, 200);
            errors.maxLength(path + ".postalCode", m.postalCode, 20);
            errors.maxLength(path + ".city", m.city, 100);
            errors.maxLength(path + ".region", m.region, 100);
            if (m.purpose != null && !lookups.isActiveValue(CONTACT_PURPOSE_PICKLIST, m.purpose)) {
                errors.invalid(path + ".purpose", "not an active value of " + CONTACT_PURPOSE_PICKLIST);
            }
            if (m.validFrom != null && m.validThru != null && m.validFrom.isAfter(m.validThru)) {
                errors.invalid(path + ".validThru", "must not be before validFrom");
            }
        }
    }

    private static void checkValue(String path, ContactMechanismDTO m, FieldErrors errors) {
        String field = path + ".value";
        switch (m.type) {
            case EMAIL -> {
                if (isBlank(m.value)) {
                    errors.required(field, null);
                } else if (!ContactRules.isEmail(m.value)) {
                    errors.invalid(field, "not an email address");
                }
            }
            case PHONE -> {
                if (isBlank(m.value)) {
                    errors.required(field, null);
                } else if (!ContactRules.isPhone(m.value)) {
                    errors.invalid(field, "not a phone number (6 to 20 digits, spaces, + - . ( ))");
                }
            }
            case WEB -> {
                if (isBlank(m.value)) {
                    errors.required(field, null);
                } else if (!ContactRules.isWebUrl(m.value)) {
                    errors.invalid(field, "not an http(s) URL");
                }
            }
            case POSTAL -> {
                errors.required(path + ".line1", m.line1);
                errors.required(path + ".city", m.city);
                if (isBlank(m.country)) {
                    errors.required(path + ".country", null);
                } else if (!ContactRules.isCountry(m.country)) {
                    errors.invalid(path + ".country", "not an ISO 3166-1 alpha-2 country code");
                }
            }
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
