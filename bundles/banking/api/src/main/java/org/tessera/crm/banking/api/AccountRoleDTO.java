package org.tessera.crm.banking.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A party's role on an account, effective from {@link #from} (inclusive) to {@link #thru}
 * (exclusive, {@code null} while it lasts). On any date an account has exactly one primary owner;
 * the beneficiaries' {@link #sharePercent}, when given, sum to 100 among those effective on a date.
 */
public class AccountRoleDTO {
    public String id;
    public String partyId;
    public AccountRole role;
    /** Only for {@link AccountRole#BENEFICIARY}: the share, 0 &lt; share ≤ 100, two decimals. */
    public BigDecimal sharePercent;
    /** First day of the role; the account's opening date, else today, when absent. */
    public LocalDate from;
    public LocalDate thru;
}
