package org.tessera.crm.banking.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tessera.crm.banking.api.AccountDTO;
import org.tessera.crm.banking.api.AccountRole;
import org.tessera.crm.banking.api.AccountRoleDTO;
import org.tessera.crm.banking.api.AccountStatus;
import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.core.kit.FieldErrors;

class AccountRulesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    @Test
    void exactlyOnePrimaryOwnerOnAnyDate() {
        assertNull(AccountRules.primaryOwnerProblem(List.of(role("1", AccountRole.PRIMARY_OWNER, "2020-01-01", null),
                role("2", AccountRole.JOINT_OWNER, "2021-01-01", null)), null));
        // a hand-over: the first owner until 2023, the second from then
        assertNull(AccountRules.primaryOwnerProblem(List.of(role("1", AccountRole.PRIMARY_OWNER, "2020-01-01", "2023-01-01"),
                role("2", AccountRole.PRIMARY_OWNER, "2023-01-01", null)), null));
        String overlap = AccountRules.primaryOwnerProblem(List.of(role("1", AccountRole.PRIMARY_OWNER, "2020-01-01", "2023-06-01"),
                role("2", AccountRole.PRIMARY_OWNER, "2023-01-01", null)), null);
        assertTrue(overlap.contains("2 primary owners on 2023-01-01"), overlap);
        String gap = AccountRules.primaryOwnerProblem(List.of(role("1", AccountRole.PRIMARY_OWNER, "2020-01-01", "2022-01-01"),
                role("2", AccountRole.PRIMARY_OWNER, "2023-01-01", null)), null);
        assertTrue(gap.contains("no primary owner on 2022-01-01"), gap);
        String none = AccountRules.primaryOwnerProblem(List.of(role("1", AccountRole.JOINT_OWNER, "2020-01-01", null)), null);
        assertTrue(none.contains("no primary owner on 2020-01-01"), none);
        // a closed account needs no owner after it closed
        assertNull(AccountRules.primaryOwnerProblem(List.of(role("1", AccountRole.PRIMARY_OWNER, "2020-01-01", "2024-01-01"),
                role("2", AccountRole.GUARANTOR, "2020-01-01", null)), LocalDate.parse("2024-01-01")));
    }

    @Test
    void beneficiarySharesSumToOneHundredOnEveryDay() {
        AccountRoleDTO owner = role("1", AccountRole.PRIMARY_OWNER, "2020-01-01", null);
        assertNull(AccountRules.beneficiaryShareProblem(List.of(owner, share("2", "60", "2020-01-01", null), share("3", "40", "2020-01-01", null))));
        assertNull(AccountRules.beneficiaryShareProblem(List.of(owner, role("2", AccountRole.BENEFICIARY, "2020-01-01", null))),
                "shares are optional");
        String short90 = AccountRules.beneficiaryShareProblem(List.of(owner, share("2", "60", "2020-01-01", null), share("3", "30", "2020-01-01", null)));
        assertTrue(short90.contains("sum to 90 %"), short90);
        // one beneficiary leaves in 2024: from then the other alone holds 50 %
        String later = AccountRules.beneficiaryShareProblem(List.of(share("2", "50", "2020-01-01", "2024-01-01"), share("3", "50", "2020-01-01", null)));
        assertTrue(later.contains("2024-01-01"), later);
        String mixed = AccountRules.beneficiaryShareProblem(List.of(share("2", "100", "2020-01-01", null),
                role("3", AccountRole.BENEFICIARY, "2020-01-01", null)));
        assertTrue(mixed.contains("give every one a share"), mixed);
    }

    @Test
    void everyFaultOfAnAccountIsNamedAtOnce() {
        AccountDTO account = new AccountDTO();
        account.number = "x";
        account.currency = "euro";
        account.status = AccountStatus.OPEN;
        account.closedOn = LocalDate.parse("2025-01-01");
        account.heldAway = true;
        account.interestRate = new BigDecimal("2.5");
        AccountRoleDTO signer = role("1", AccountRole.AUTHORIZED_SIGNER, "2020-01-01", "2019-01-01");
        signer.sharePercent = BigDecimal.TEN;
        account.roles.add(signer);
        FieldErrors errors = new FieldErrors();
        AccountRules.check(account, TODAY, errors);
        List<String> fields = errors.list().stream().map(e -> e.field).toList();
        assertEquals(List.of("number", "type", "currency", "closedOn", "interestRate", "roles[0].thru", "roles[0].sharePercent"), fields);
    }

    @Test
    void normalizingMakesTheNumberComparableAndDefaultsTheStatusAndRoleStart() {
        AccountDTO account = new AccountDTO();
        account.number = "fr76 3000 6000 0112";
        account.openedOn = LocalDate.parse("2021-03-04");
        account.roles.add(role("1", AccountRole.PRIMARY_OWNER, null, null));
        AccountRules.normalize(account, TODAY);
        assertEquals("FR76300060000112", account.number);
        assertEquals(AccountStatus.OPEN, account.status);
        assertEquals(LocalDate.parse("2021-03-04"), account.roles.get(0).from);
        AccountDTO unopened = new AccountDTO();
        unopened.roles.add(role("1", AccountRole.PRIMARY_OWNER, null, null));
        AccountRules.normalize(unopened, TODAY);
        assertEquals(TODAY, unopened.roles.get(0).from);
        FieldErrors errors = new FieldErrors();
        AccountRules.checkRoles(List.of(), null, errors);
        assertEquals(List.of("roles"), errors.list().stream().map((FieldError e) -> e.field).toList());
    }

    static AccountRoleDTO role(String party, AccountRole role, String from, String thru) {
        AccountRoleDTO dto = new AccountRoleDTO();
        dto.partyId = party;
        dto.role = role;
        dto.from = from == null ? null : LocalDate.parse(from);
        dto.thru = thru == null ? null : LocalDate.parse(thru);
        return dto;
    }

    private static AccountRoleDTO share(String party, String percent, String from, String thru) {
        AccountRoleDTO dto = role(party, AccountRole.BENEFICIARY, from, thru);
        dto.sharePercent = new BigDecimal(percent);
        return dto;
    }
}
