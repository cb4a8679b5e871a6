package org.tessera.crm.banking.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tessera.crm.banking.api.AccountDTO;
import org.tessera.crm.banking.api.AccountStatus;
import org.tessera.crm.core.api.FieldError;

class KycRiskValidatorTest {
    private final KycRiskValidator validator = new KycRiskValidator(Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void aHighRiskOpenAccountNeedsAReviewWithinTwelveMonths() {
        assertEquals(List.of("customFields.kycReviewedOn"), fields(account("HIGH", null, AccountStatus.OPEN)));
        assertEquals(List.of("customFields.kycReviewedOn"), fields(account("HIGH", "2025-12-01", AccountStatus.OPEN)));
        assertEquals(List.of(), fields(account("HIGH", "2025-12-02", AccountStatus.OPEN)));
        assertEquals(List.of(), fields(account("HIGH", null, AccountStatus.CLOSED)));
        assertEquals(List.of(), fields(account("LOW", null, AccountStatus.OPEN)));
        assertEquals(List.of("customFields.kycReviewedOn"), fields(account("LOW", "2026-12-03", AccountStatus.OPEN)));
    }

    private List<String> fields(AccountDTO account) {
        return validator.validate(account, null).stream().map((FieldError e) -> e.field).toList();
    }

    private static AccountDTO account(String rating, String reviewed, AccountStatus status) {
        AccountDTO account = new AccountDTO();
        account.status = status;
        account.customFields.put(BankingCustomizations.KYC_RISK_RATING, rating);
        if (reviewed != null) {
            account.customFields.put(BankingCustomizations.KYC_REVIEWED_ON, reviewed);
        }
        return account;
    }
}
