package org.tessera.crm.banking.impl;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.tessera.crm.banking.api.AccountDTO;
import org.tessera.crm.banking.api.AccountStatus;
import org.tessera.crm.banking.api.BankingEntityTypes;
import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.core.api.spi.Validator;

/**
 * Know-your-customer on accounts: an open account rated {@code HIGH} risk must have had its KYC
 * review within the last {@value #HIGH_RISK_REVIEW_MONTHS} months, and a review date is never in the
 * future. Runs on every account write (REST and import) while the pack is installed.
 */
@Component(property = Validator.ENTITY_TYPE + "=" + BankingEntityTypes.ACCOUNT)
public class KycRiskValidator implements Validator {
    static final int HIGH_RISK_REVIEW_MONTHS = 12;
    private static final String REVIEWED = "customFields." + BankingCustomizations.KYC_REVIEWED_ON;
    private final Clock clock;

    public KycRiskValidator() {
        this(Clock.systemUTC());
    }

    KycRiskValidator(Clock clock) {
        this.clock = clock;
    }

    @Override
    public List<FieldError> validate(Object candidate, Object previous) {
        if (!(candidate instanceof AccountDTO account) || account.customFields == null) {
            return List.of();
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate reviewed = date(account.customFields.get(BankingCustomizations.KYC_REVIEWED_ON));
        if (reviewed != null && reviewed.isAfter(today)) {
            return List.of(FieldError.invalid(REVIEWED, "must not be in the future"));
        }
        boolean highRisk = "HIGH".equals(account.customFields.get(BankingCustomizations.KYC_RISK_RATING));
        if (highRisk && account.status != AccountStatus.CLOSED
                && (reviewed == null || reviewed.isBefore(today.minusMonths(HIGH_RISK_REVIEW_MONTHS)))) {
            return List.of(FieldError.invalid(REVIEWED, "a HIGH risk account needs a KYC review within the last "
                    + HIGH_RISK_REVIEW_MONTHS + " months"));
        }
        return List.of();
    }

    private static LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return value instanceof LocalDate date ? date : LocalDate.parse(value.toString());
        } catch (DateTimeParseException e) {
            return null; // the core's custom field check reports the malformed date
        }
    }
}
