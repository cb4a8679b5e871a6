package org.tessera.crm.examples.dealer.impl;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.tessera.crm.core.api.EntityTypes;
import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.core.api.party.PartyDTO;
import org.tessera.crm.core.api.spi.Validator;

/**
 * A party's driving licence date cannot be in the future nor before the driver was
 * {@value #MINIMUM_AGE}: the core runs this rule on every party write while the pack is installed.
 */
@Component(property = Validator.ENTITY_TYPE + "=" + EntityTypes.PARTY)
public class DrivingLicenseValidator implements Validator {
    static final int MINIMUM_AGE = 15;
    private static final String FIELD = "customFields." + DealerCustomizations.DRIVING_LICENSE_DATE;
    private final Clock clock;

    public DrivingLicenseValidator() {
        this(Clock.systemUTC());
    }

    DrivingLicenseValidator(Clock clock) {
        this.clock = clock;
    }

    @Override
    public List<FieldError> validate(Object candidate, Object previous) {
        if (!(candidate instanceof PartyDTO party) || party.customFields == null) {
            return List.of();
        }
        Object value = party.customFields.get(DealerCustomizations.DRIVING_LICENSE_DATE);
        if (value == null) {
            return List.of();
        }
        LocalDate licensed;
        try {
            licensed = value instanceof LocalDate date ? date : LocalDate.parse(value.toString());
        } catch (DateTimeParseException e) {
            return List.of(); // the core's custom field check reports the malformed date
        }
        if (licensed.isAfter(LocalDate.now(clock))) {
            return List.of(FieldError.invalid(FIELD, "must not be in the future"));
        }
        if (party.birthDate != null && licensed.isBefore(party.birthDate.plusYears(MINIMUM_AGE))) {
            return List.of(FieldError.invalid(FIELD, "must be at least " + MINIMUM_AGE + " years after the birth date"));
        }
        return List.of();
    }
}
