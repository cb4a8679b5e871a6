package org.tessera.crm.insurance.impl.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;

import org.tessera.crm.core.api.NotFoundException;
import org.tessera.crm.core.api.party.PartyDTO;
import org.tessera.crm.core.api.party.PartyRelationshipDTO;
import org.tessera.crm.core.api.party.PartyService;
import org.tessera.crm.core.api.party.PartyType;
import org.tessera.crm.core.api.security.RecordScope;
import org.tessera.crm.core.kit.Ids;
import org.tessera.crm.core.kit.jpa.ScopeFilter;
import org.tessera.crm.core.kit.jpa.Tx;
import org.tessera.crm.insurance.api.HouseholdInsuranceDTO;
import org.tessera.crm.insurance.impl.link.HouseholdMembers;
import org.tessera.crm.insurance.impl.rules.Premiums;

/**
 * The insurance figures of a person, or of a household and each of its current members: terms
 * covering today (in force, reinstated, or renewed but not yet at their end) they take part in (any
 * role, effective today), their annual premiums, and the open claims on
 * them. A term shared by two members counts once for the household. Aggregated in SQL, in scope.
 * The members are the banking pack's while it is installed and keeps the household (so that the
 * household's insurance and banking sections count the same people: banking ends memberships of its
 * own), else the parties with a current {@code MEMBER_OF_HOUSEHOLD} relationship to it.
 */
final class Households {
    static final String MEMBER_OF_HOUSEHOLD = "MEMBER_OF_HOUSEHOLD";
    private final Tx tx;
    private final PartyService parties;
    private final RecordScope scope;
    /** The banking pack's memberships while it is installed, else nothing: the core's relationships then. */
    private final Supplier<HouseholdMembers> bankingMembers;

    Households(Tx tx, PartyService parties, RecordScope scope, Supplier<HouseholdMembers> bankingMembers) {
        this.tx = tx;
        this.parties = parties;
        this.scope = scope;
        this.bankingMembers = bankingMembers;
    }

    HouseholdInsuranceDTO rollup(String partyId, LocalDate today) {
        if (Ids.parse(partyId).isEmpty() || !scope.canAccessParty(partyId)) {
            throw new NotFoundException("PARTY", partyId);
        }
        PartyDTO party = parties.get(partyId);
        List<Long> members = new ArrayList<>();
        HouseholdMembers kept = bankingMembers.get();
        List<String> keptMembers = kept == null || party.type != PartyType.HOUSEHOLD ? List.of() : kept.members(partyId);
        if (!keptMembers.isEmpty()) {
            keptMembers.forEach(member -> Ids.parse(member).ifPresent(members::add));
        } else if (party.type == PartyType.HOUSEHOLD) {
            for (PartyRelationshipDTO r : parties.relationships(partyId)) {
                if (MEMBER_OF_HOUSEHOLD.equals(r.type) && partyId.equals(r.toPartyId) && current(r, today)) {
                    Ids.parse(r.fromPartyId).ifPresent(members::add);
                }
            }
        } else {
            members.add(Ids.parse(partyId).orElseThrow());
        }
        HouseholdInsuranceDTO rollup = new HouseholdInsuranceDTO();
        rollup.partyId = partyId;
        if (members.isEmpty()) {
            return rollup;
        }
        String visible = ScopeFilter.of(scope).sqlCondition("p.holder_party_id");
        tx.required(em -> {
            Map<Long, HouseholdInsuranceDTO.Member> byMember = new LinkedHashMap<>();
            members.forEach(m -> {
                HouseholdInsuranceDTO.Member member = new HouseholdInsuranceDTO.Member();
                member.partyId = Ids.format(m);
                byMember.put(m, member);
            });
            String in = members.stream().map(String::valueOf).collect(Collectors.joining(","));
            for (Object[] row : perMember(em, in, visible, today)) {
                HouseholdInsuranceDTO.Member member = byMember.get(((Number) row[0]).longValue());
                member.policiesInForce = ((Number) row[1]).longValue();
                member.annualPremium = row[2] == null ? BigDecimal.ZERO : new BigDecimal(row[2].toString());
                member.openClaims = ((Number) row[3]).longValue();
            }
            Object[] total = whole(em, in, visible, today);
            rollup.policiesInForce = ((Number) total[0]).longValue();
            rollup.annualPremium = total[1] == null ? BigDecimal.ZERO : new BigDecimal(total[1].toString());
            rollup.openClaims = ((Number) total[2]).longValue();
            rollup.members.addAll(byMember.values());
            return null;
        });
        return rollup;
    }

    private static boolean current(PartyRelationshipDTO r, LocalDate today) {
        return (r.from == null || !r.from.isAfter(today)) && (r.thru == null || r.thru.isAfter(today));
    }

    /** The terms in force today on which the party takes part. */
    private static String termsOf(String partyColumn, String visible) {
        return "SELECT DISTINCT pp.policy_id FROM ins_policy_participant pp JOIN ins_policy p ON p.id = pp.policy_id"
                + " WHERE pp.party_id = " + partyColumn + " AND p.status IN ('IN_FORCE', 'REINSTATED', 'RENEWED')"
                + " AND p.effective_date <= ?1 AND p.expiry_date > ?1"
                + " AND (pp.valid_from IS NULL OR pp.valid_from <= ?1) AND (pp.valid_thru IS NULL OR pp.valid_thru > ?1) AND " + visible;
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> perMember(EntityManager em, String members, String visible, LocalDate today) {
        String sql = "SELECT m.party_id,"
                + " (SELECT COUNT(*) FROM ins_policy p WHERE p.id IN (" + termsOf("m.party_id", visible) + ")),"
                + " (SELECT SUM(" + Premiums.annualSql("p") + ") FROM ins_policy p WHERE p.id IN (" + termsOf("m.party_id", visible) + ")),"
                + " (SELECT COUNT(*) FROM ins_claim c WHERE c.status <> 'CLOSED' AND c.policy_id IN ("
                + "SELECT DISTINCT pp.policy_id FROM ins_policy_participant pp JOIN ins_policy p ON p.id = pp.policy_id"
                + " WHERE pp.party_id = m.party_id AND " + visible + "))"
                + " FROM (SELECT DISTINCT party_id FROM ins_policy_participant WHERE party_id IN (" + members + ")) m";
        return em.createNativeQuery(sql).setParameter(1, java.sql.Date.valueOf(today)).getResultList();
    }

    private static Object[] whole(EntityManager em, String members, String visible, LocalDate today) {
        String terms = "SELECT DISTINCT pp.policy_id FROM ins_policy_participant pp JOIN ins_policy p ON p.id = pp.policy_id"
                + " WHERE pp.party_id IN (" + members + ") AND p.status IN ('IN_FORCE', 'REINSTATED', 'RENEWED')"
                + " AND p.effective_date <= ?1 AND p.expiry_date > ?1"
                + " AND (pp.valid_from IS NULL OR pp.valid_from <= ?1) AND (pp.valid_thru IS NULL OR pp.valid_thru > ?1) AND " + visible;
        java.sql.Date day = java.sql.Date.valueOf(today);
        Object count = em.createNativeQuery("SELECT COUNT(*) FROM ins_policy p WHERE p.id IN (" + terms + ")")
                .setParameter(1, day).getSingleResult();
        Object premium = em.createNativeQuery("SELECT SUM(" + Premiums.annualSql("p") + ") FROM ins_policy p WHERE p.id IN (" + terms + ")")
                .setParameter(1, day).getSingleResult();
        Object claims = em.createNativeQuery("SELECT COUNT(*) FROM ins_claim c WHERE c.status <> 'CLOSED' AND c.policy_id IN ("
                + "SELECT DISTINCT pp.policy_id FROM ins_policy_participant pp JOIN ins_policy p ON p.id = pp.policy_id"
                + " WHERE pp.party_id IN (" + members + ") AND " + visible + ")").getSingleResult();
        return new Object[] {count, premium, claims};
    }
}
