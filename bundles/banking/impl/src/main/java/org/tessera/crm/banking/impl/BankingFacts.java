package org.tessera.crm.banking.impl;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tessera.crm.banking.api.AccountDTO;
import org.tessera.crm.banking.api.LifeEventDTO;
import org.tessera.crm.banking.api.RollupDTO;
import org.tessera.crm.banking.api.rules.ConditionContext;
import org.tessera.crm.core.api.party.PartyDTO;
import org.tessera.crm.core.api.party.PartyService;
import org.tessera.crm.core.kit.Ids;
import org.tessera.crm.core.kit.jpa.Tx;

/**
 * The facts the pack's condition evaluators read about a party, each loaded at most once per
 * evaluation (through {@link ConditionContext#fact}) whatever the number of rules. The party has
 * been checked against the caller's scope before any rule is evaluated.
 */
@Component(service = BankingFacts.class)
public class BankingFacts {
    /** A recent activity of the party: its type, channel and day. */
    public record RecentActivity(String type, String channel, LocalDate on) {
    }

    private static final String RECENT_ACTIVITIES = "SELECT a.activity_type, a.channel, a.timeline_at FROM activity a"
            + " JOIN activity_participant p ON p.activity_id = a.id WHERE p.party_id = ?1 AND a.timeline_at >= ?2 ORDER BY a.timeline_at DESC";
    /** How far back activity conditions can look. */
    static final int ACTIVITY_HORIZON_DAYS = 366;

    private final Tx tx;
    private final PartyService parties;

    @Activate
    public BankingFacts(@Reference(name = "tx", target = "(osgi.unit.name=tessera-banking)") Tx tx, @Reference PartyService parties) {
        this.tx = tx;
        this.parties = parties;
    }

    public PartyDTO party(ConditionContext context) {
        return context.fact("banking.party", () -> parties.find(context.subjectId()).orElse(null));
    }

    /** The accounts the party owns (primary or joint) today, not closed, with balances. */
    public List<AccountDTO> accounts(ConditionContext context) {
        return context.fact("banking.accounts", () -> tx.required(em -> em.createQuery("SELECT DISTINCT a FROM AccountRoleEntity r, AccountEntity a"
                // driven by the party's roles (an index), never by a scan of every account
                + " WHERE a.id = r.accountId AND r.partyId = :p AND a.status <> 'CLOSED'"
                + " AND r.role IN ('PRIMARY_OWNER', 'JOINT_OWNER') AND r.from <= :d AND (r.thru IS NULL OR r.thru > :d)",
                AccountEntity.class).setParameter("p", Long.parseLong(context.subjectId())).setParameter("d", context.today())
                .getResultList().stream().map(a -> AccountMapper.toDto(a, List.of(), true)).toList()));
    }

    /** The rollup of the party's primary household, or its own when it has none. */
    public RollupDTO rollup(ConditionContext context) {
        return context.fact("banking.rollup", () -> tx.required(em -> {
            long party = Long.parseLong(context.subjectId());
            return HouseholdServiceImpl.primaryOf(em, party).map(m -> RollupQueries.household(em, m.householdId, context.today()))
                    .orElseGet(() -> RollupQueries.person(em, party, context.today()));
        }));
    }

    /** Life events not expired today, most recent first. */
    public List<LifeEventDTO> lifeEvents(ConditionContext context) {
        return context.fact("banking.lifeEvents", () -> tx.required(em -> em.createQuery("SELECT e FROM LifeEventEntity e WHERE e.partyId = :p"
                + " AND (e.expiresOn IS NULL OR e.expiresOn > :d) ORDER BY e.occurredOn DESC", LifeEventEntity.class)
                .setParameter("p", Long.parseLong(context.subjectId())).setParameter("d", context.today()).getResultList().stream()
                .map(LifeEventServiceImpl::toDto).toList()));
    }

    /**
     * The party's activities of the last year, newest first, read in the core's activity tables of the
     * same database (as the kit's scope filter reads the party table): one indexed query, where the
     * activity API would page through everything.
     */
    public List<RecentActivity> recentActivities(ConditionContext context) {
        return context.fact("banking.activities", () -> tx.required(em -> {
            Instant since = context.today().minusDays(ACTIVITY_HORIZON_DAYS).atStartOfDay().toInstant(ZoneOffset.UTC);
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery(RECENT_ACTIVITIES).setParameter(1, Ids.parse(context.subjectId()).orElse(-1L))
                    .setParameter(2, java.sql.Timestamp.from(since)).setMaxResults(500).getResultList();
            return rows.stream().map(r -> new RecentActivity((String) r[0], (String) r[1], day(r[2]))).toList();
        }));
    }

    private static LocalDate day(Object value) {
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
        }
        if (value instanceof java.time.LocalDateTime ldt) {
            return ldt.toLocalDate();
        }
        return value == null ? null : LocalDate.parse(value.toString().substring(0, 10));
    }
}
