package org.tessera.crm.banking.impl;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.persistence.EntityManager;
import javax.persistence.Query;

import org.tessera.crm.banking.api.AccountTypes;
import org.tessera.crm.banking.api.CurrencyTotalsDTO;
import org.tessera.crm.banking.api.RollupDTO;
import org.tessera.crm.core.kit.Ids;

/**
 * Rollups in SQL, from the current rows, with the counting rule of {@link RollupDTO}: three
 * indexed queries per rollup (counted accounts by currency and type, declared assets, shared
 * accounts), each bounded by the members' own rows, so the cost does not grow with the table.
 */
final class RollupQueries {
    private static final String CURRENT = " AND %1$s.valid_from <= ?1 AND (%1$s.valid_thru IS NULL OR %1$s.valid_thru > ?1)";

    /** Accounts whose primary owner's primary household is {@code ?2}. */
    private static final String HOUSEHOLD_ACCOUNTS = "SELECT a.currency, a.account_type, COUNT(*), SUM(a.balance), SUM(ABS(a.balance))"
            + " FROM banking_household_member m"
            + " JOIN banking_account_role r ON r.party_id = m.party_id AND r.account_role = 'PRIMARY_OWNER'" + CURRENT.formatted("r")
            + " JOIN banking_account a ON a.id = r.account_id AND a.status <> 'CLOSED'"
            + " WHERE m.household_id = ?2 AND m.is_primary = ?3 GROUP BY a.currency, a.account_type";
    private static final String HOUSEHOLD_ASSETS = "SELECT x.currency, x.asset_kind, SUM(x.asset_value) FROM banking_household_member m"
            + " JOIN banking_asset x ON x.party_id = m.party_id WHERE m.household_id = ?2 AND m.is_primary = ?3 GROUP BY x.currency, x.asset_kind";
    /** Accounts a member owns (primary or joint) that count in another household, or in none. */
    private static final String HOUSEHOLD_SHARED = "SELECT a.id, a.account_number, a.account_type, r.party_id, p.party_id, pm.household_id"
            + " FROM banking_household_member m"
            + " JOIN banking_account_role r ON r.party_id = m.party_id AND r.account_role IN ('PRIMARY_OWNER', 'JOINT_OWNER')" + CURRENT.formatted("r")
            + " JOIN banking_account a ON a.id = r.account_id AND a.status <> 'CLOSED'"
            + " JOIN banking_account_role p ON p.account_id = a.id AND p.account_role = 'PRIMARY_OWNER'" + CURRENT.formatted("p")
            + " LEFT JOIN banking_household_member pm ON pm.party_id = p.party_id AND pm.is_primary = ?3"
            + " WHERE m.household_id = ?2 AND (pm.household_id IS NULL OR pm.household_id <> ?2) ORDER BY a.id";

    private static final String PERSON_ACCOUNTS = "SELECT a.currency, a.account_type, COUNT(*), SUM(a.balance), SUM(ABS(a.balance))"
            + " FROM banking_account_role r JOIN banking_account a ON a.id = r.account_id AND a.status <> 'CLOSED'"
            + " WHERE r.party_id = ?2 AND r.account_role = 'PRIMARY_OWNER'" + CURRENT.formatted("r") + " GROUP BY a.currency, a.account_type";
    private static final String PERSON_ASSETS = "SELECT x.currency, x.asset_kind, SUM(x.asset_value) FROM banking_asset x"
            + " WHERE x.party_id = ?2 GROUP BY x.currency, x.asset_kind";
    private static final String PERSON_SHARED = "SELECT a.id, a.account_number, a.account_type, r.party_id, p.party_id, pm.household_id"
            + " FROM banking_account_role r JOIN banking_account a ON a.id = r.account_id AND a.status <> 'CLOSED'"
            + " JOIN banking_account_role p ON p.account_id = a.id AND p.account_role = 'PRIMARY_OWNER'" + CURRENT.formatted("p")
            + " LEFT JOIN banking_household_member pm ON pm.party_id = p.party_id AND pm.is_primary = ?3"
            + " WHERE r.party_id = ?2 AND r.account_role = 'JOINT_OWNER'" + CURRENT.formatted("r") + " AND p.party_id <> ?2 ORDER BY a.id";

    private RollupQueries() {
    }

    static RollupDTO household(EntityManager em, long householdId, LocalDate today) {
        RollupDTO rollup = new RollupDTO();
        rollup.partyId = Ids.format(householdId);
        rollup.kind = "HOUSEHOLD";
        fill(rollup, rows(em, HOUSEHOLD_ACCOUNTS, householdId, today), rows(em, HOUSEHOLD_ASSETS, householdId, today),
                rows(em, HOUSEHOLD_SHARED, householdId, today));
        return rollup;
    }

    static RollupDTO person(EntityManager em, long partyId, LocalDate today) {
        RollupDTO rollup = new RollupDTO();
        rollup.partyId = Ids.format(partyId);
        rollup.kind = "PERSON";
        fill(rollup, rows(em, PERSON_ACCOUNTS, partyId, today), rows(em, PERSON_ASSETS, partyId, today),
                rows(em, PERSON_SHARED, partyId, today));
        return rollup;
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(EntityManager em, String sql, long id, LocalDate today) {
        Query query = em.createNativeQuery(sql).setParameter(2, id);
        if (sql.contains("?1")) {
            query.setParameter(1, java.sql.Date.valueOf(today));
        }
        if (sql.contains("?3")) {
            query.setParameter(3, Boolean.TRUE);
        }
        return query.getResultList();
    }

    /** The arithmetic, apart from the SQL: rows of (currency, type, count, sum, sum of absolute values), (currency, kind, sum), shared. */
    static void fill(RollupDTO rollup, List<Object[]> accounts, List<Object[]> assets, List<Object[]> shared) {
        Map<String, CurrencyTotalsDTO> byCurrency = new TreeMap<>();
        Map<String, Integer> products = new TreeMap<>();
        for (Object[] row : accounts) {
            String currency = (String) row[0];
            String type = (String) row[1];
            int count = ((Number) row[2]).intValue();
            BigDecimal sum = decimal(row[3]);
            BigDecimal owed = decimal(row[4]);
            CurrencyTotalsDTO totals = byCurrency.computeIfAbsent(currency, RollupQueries::totals);
            if (AccountTypes.DEPOSITS.contains(type)) {
                totals.deposits = totals.deposits.add(sum);
            } else if (AccountTypes.INVESTMENTS.contains(type)) {
                totals.investments = totals.investments.add(sum);
            } else if (AccountTypes.LOANS.contains(type)) {
                totals.loans = totals.loans.add(owed);
            }
            products.merge(type, count, Integer::sum);
            rollup.countedAccounts += count;
        }
        for (Object[] row : assets) {
            CurrencyTotalsDTO totals = byCurrency.computeIfAbsent((String) row[0], RollupQueries::totals);
            if ("LIABILITY".equals(row[1])) {
                totals.liabilities = totals.liabilities.add(decimal(row[2]));
            } else {
                totals.assets = totals.assets.add(decimal(row[2]));
            }
        }
        for (CurrencyTotalsDTO totals : byCurrency.values()) {
            totals.netWorth = totals.deposits.add(totals.investments).add(totals.assets).subtract(totals.loans).subtract(totals.liabilities);
            rollup.totals.add(totals);
        }
        rollup.productsHeld.putAll(products);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Object[] row : shared) {
            RollupDTO.SharedAccountDTO account = new RollupDTO.SharedAccountDTO();
            account.accountId = String.valueOf(((Number) row[0]).longValue());
            if (!seen.add(account.accountId)) {
                continue; // two members of the household hold it jointly: shown once
            }
            account.number = (String) row[1];
            account.type = (String) row[2];
            account.jointOwnerId = String.valueOf(((Number) row[3]).longValue());
            account.primaryOwnerId = String.valueOf(((Number) row[4]).longValue());
            account.countedInHouseholdId = row[5] == null ? null : String.valueOf(((Number) row[5]).longValue());
            rollup.sharedAccounts.add(account);
        }
    }

    private static CurrencyTotalsDTO totals(String currency) {
        CurrencyTotalsDTO totals = new CurrencyTotalsDTO();
        totals.currency = currency;
        return totals;
    }

    private static BigDecimal decimal(Object value) {
        if (value == null) {
            return BigDecimal.ZERO;
        }
        return value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
    }
}
