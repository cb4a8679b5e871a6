package org.tessera.crm.core.impl.duplicate;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

import javax.persistence.EntityManager;

import org.tessera.crm.core.api.duplicate.DuplicateAction;
import org.tessera.crm.core.api.duplicate.DuplicateFoundException;
import org.tessera.crm.core.api.party.PartyDTO;
import org.tessera.crm.core.impl.entity.PartyEntity;
import org.tessera.crm.core.impl.party.PartyReader;

/**
 * The duplicate rules applied within one transaction: finds a party's candidates by its blocking
 * keys (the database does the search), scores the few it finds in Java, and keeps the keys of the
 * parties the transaction writes. An import registers the parties it has created but not yet
 * written ({@link #pending}), so that two rows of one chunk are compared too.
 */
public final class DuplicateSession {
    /** Candidates read per write: a key shared by more parties than this is a poor key, not more duplicates. */
    static final int MAX_CANDIDATES = 50;

    private final EntityManager em;
    private final MatchKeyTable keys;
    private final List<MatchRule> rules;
    private final PhoneNumbers phones;
    private final LocalDate today;
    private final Map<String, List<PartyFacts>> pendingByKey = new HashMap<>();
    /** Stored holders of keys looked up ahead for a whole import chunk ({@link #prefetch}), until keys are written. */
    private final Map<String, Set<Long>> prefetched = new HashMap<>();

    DuplicateSession(EntityManager em, List<MatchRule> rules, PhoneNumbers phones, LocalDate today) {
        this.em = em;
        this.keys = new MatchKeyTable(em.unwrap(Connection.class));
        this.rules = List.copyOf(rules);
        this.phones = phones;
        this.today = today;
    }

    /** Whether any rule applies to parties of this type. */
    public boolean hasRules() {
        return !rules.isEmpty();
    }

    /**
     * The parties {@code candidate} matches under some rule, best first, one per party (its blocking
     * rule if any, else its best score). {@code selfId} is the party being updated, never its own duplicate.
     */
    public List<DuplicateMatch> find(PartyDTO candidate, String selfId) {
        if (rules.isEmpty()) {
            return List.of();
        }
        try {
            PartyFacts facts = facts(candidate, selfId);
            Map<MatchRule, Set<String>> keysByRule = new LinkedHashMap<>();
            Set<String> allKeys = new LinkedHashSet<>();
            for (MatchRule rule : rules) {
                Set<String> ruleKeys = rule.blockingKeys(facts, phones);
                keysByRule.put(rule, ruleKeys);
                allKeys.addAll(ruleKeys);
            }
            if (allKeys.isEmpty()) {
                return List.of();
            }
            Set<Long> ids = new LinkedHashSet<>();
            for (Set<Long> holders : holders(allKeys).values()) {
                holders.stream().takeWhile(id -> ids.size() < MAX_CANDIDATES).forEach(ids::add);
            }
            if (selfId != null) {
                ids.remove(Long.valueOf(selfId));
            }
            List<PartyFacts> others = new ArrayList<>(stored(ids));
            for (String key : allKeys) {
                for (PartyFacts pending : pendingByKey.getOrDefault(key, List.of())) {
                    if (!pending.party().id.equals(selfId) && others.stream().noneMatch(o -> o.party().id.equals(pending.party().id))) {
                        others.add(pending);
                    }
                }
            }
            return score(facts, others);
        } catch (SQLException e) {
            throw new IllegalStateException("duplicate check failed: " + e.getMessage(), e);
        }
    }

    /**
     * Looks up at once the stored parties holding the keys of many rows, so that an import chunk
     * asks the database once instead of once per row: a round trip each on PostgreSQL. Keys that
     * {@link #find} needs beyond these (a row changed by validation, an employer) are asked then.
     */
    public void prefetch(Collection<PartyDTO> candidates) {
        if (rules.isEmpty()) {
            return;
        }
        Set<String> wanted = new LinkedHashSet<>();
        for (PartyDTO candidate : candidates) {
            PartyFacts facts = new PartyFacts(candidate, Set.of());
            rules.forEach(rule -> wanted.addAll(rule.blockingKeys(facts, phones)));
        }
        wanted.removeAll(prefetched.keySet());
        try {
            prefetched.putAll(keys.holdersOfEach(wanted, MAX_CANDIDATES));
        } catch (SQLException e) {
            throw new IllegalStateException("duplicate check failed: " + e.getMessage(), e);
        }
    }

    /** The stored holders of each key, from the prefetched ones where they are, else from the table. */
    private Map<String, Set<Long>> holders(Set<String> allKeys) throws SQLException {
        Set<String> unknown = new LinkedHashSet<>(allKeys);
        unknown.removeAll(prefetched.keySet());
        Map<String, Set<Long>> asked = unknown.isEmpty() ? Map.of() : keys.holders(unknown, MAX_CANDIDATES);
        Map<String, Set<Long>> holders = new LinkedHashMap<>();
        for (String key : allKeys) {
            Set<Long> found = prefetched.containsKey(key) ? prefetched.get(key) : asked.get(key);
            if (found != null) {
                holders.put(key, found);
            }
        }
        return holders;
    }

    /**
     * The parties an update (or an import row over a stored party) newly matches: those its
     * {@code previous} state already matched are left out, so that a confirmed duplicate is not
     * reported again at each later change.
     */
    public List<DuplicateMatch> findNew(PartyDTO candidate, PartyDTO previous, String selfId) {
        List<DuplicateMatch> matches = find(candidate, selfId);
        if (matches.isEmpty() || previous == null) {
            return matches;
        }
        Set<String> known = new HashSet<>();
        find(previous, selfId).forEach(m -> known.add(m.partyId()));
        return matches.stream().filter(m -> !known.contains(m.partyId())).toList();
    }

    /**
     * Refuses the write when a blocking rule matches, or a warning rule does and the caller has not
     * allowed duplicates. Candidates outside the caller's perimeter ({@code visibleUnits}; empty: all)
     * are counted, never described.
     */
    public static void enforce(List<DuplicateMatch> matches, boolean allowDuplicates, Optional<Set<Long>> visibleUnits) {
        boolean blocked = matches.stream().anyMatch(m -> m.action() == DuplicateAction.BLOCK);
        if (matches.isEmpty() || (allowDuplicates && !blocked)) {
            return;
        }
        List<DuplicateMatch> visible = matches.stream().filter(m -> visible(m, visibleUnits)).toList();
        throw new DuplicateFoundException(visible.stream().map(DuplicateMatch::toDto).toList(),
                matches.size() - visible.size(), blocked);
    }

    /** Whether the caller may see the candidate: no perimeter, or the candidate's org unit is in it. */
    public static boolean visible(DuplicateMatch match, Optional<Set<Long>> visibleUnits) {
        return visibleUnits.isEmpty() || (match.orgUnitId() != null && visibleUnits.get().contains(Long.valueOf(match.orgUnitId())));
    }

    /** Writes the keys of parties stored (or changed) in this transaction. */
    public void keep(Collection<PartyDTO> parties) {
        write(parties, true);
    }

    /**
     * Writes the keys of parties created in this transaction, which have none to replace: no delete
     * per party before the insert.
     */
    public void keepNew(Collection<PartyDTO> created) {
        write(created, false);
    }

    private void write(Collection<PartyDTO> parties, boolean replace) {
        prefetched.clear();
        if (parties.isEmpty()) {
            return;
        }
        try {
            List<Long> ids = parties.stream().map(p -> Long.valueOf(p.id)).toList();
            Map<Long, Set<String>> employers = keys.employers(ids, today);
            Map<Long, Set<String>> keysByParty = new LinkedHashMap<>();
            for (PartyDTO party : parties) {
                long id = Long.parseLong(party.id);
                PartyFacts facts = new PartyFacts(party, employers.getOrDefault(id, Set.of()));
                Set<String> partyKeys = new LinkedHashSet<>();
                rules.forEach(rule -> partyKeys.addAll(rule.blockingKeys(facts, phones)));
                keysByParty.put(id, partyKeys);
            }
            if (replace) {
                keys.replace(keysByParty);
            } else {
                keys.insert(keysByParty);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not write the matching keys: " + e.getMessage(), e);
        }
    }

    /** Removes the keys of a party being deleted. */
    public void forget(long partyId) {
        prefetched.clear();
        try {
            keys.delete(List.of(partyId));
        } catch (SQLException e) {
            throw new IllegalStateException("could not delete the matching keys: " + e.getMessage(), e);
        }
    }

    /** A party this transaction will write (an import's new row, with its id set): later rows are compared with it. */
    public void pending(PartyDTO party) {
        PartyFacts facts = new PartyFacts(party, Set.of());
        for (MatchRule rule : rules) {
            for (String key : rule.blockingKeys(facts, phones)) {
                pendingByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(facts);
            }
        }
    }

    private PartyFacts facts(PartyDTO party, String selfId) throws SQLException {
        if (selfId == null) {
            return new PartyFacts(party, Set.of());
        }
        long id = Long.parseLong(selfId);
        return new PartyFacts(party, keys.employers(List.of(id), today).getOrDefault(id, Set.of()));
    }

    private List<PartyFacts> stored(Set<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<PartyEntity> entities = em.createQuery("SELECT p FROM PartyEntity p WHERE p.id IN :ids", PartyEntity.class)
                .setParameter("ids", new ArrayList<>(ids)).getResultList();
        Map<Long, Set<String>> employers = keys.employers(ids, today);
        List<PartyFacts> result = new ArrayList<>();
        for (PartyDTO party : new PartyReader(em).toDtos(entities)) {
            result.add(new PartyFacts(party, employers.getOrDefault(Long.valueOf(party.id), Set.of())));
        }
        return result;
    }

    private List<DuplicateMatch> score(PartyFacts facts, List<PartyFacts> others) {
        List<DuplicateMatch> matches = new ArrayList<>();
        for (PartyFacts other : others) {
            DuplicateMatch best = best(rules, facts, other, phones);
            if (best != null) {
                matches.add(best);
            }
        }
        matches.sort(Comparator.comparing((DuplicateMatch m) -> m.action() != DuplicateAction.BLOCK)
                .thenComparing(DuplicateMatch::score, Comparator.reverseOrder()));
        return matches;
    }

    /** How {@code other} matches {@code facts}: its blocking rule if any, else its best score; null when no rule matches. */
    static DuplicateMatch best(List<MatchRule> rules, PartyFacts facts, PartyFacts other, PhoneNumbers phones) {
        DuplicateMatch best = null;
        for (MatchRule rule : rules) {
            OptionalDouble score = rule.score(facts, other, phones);
            if (score.isEmpty()) {
                continue;
            }
            DuplicateMatch match = new DuplicateMatch(other.party().id, other.party().displayName, other.party().orgUnitId,
                    rule.key(), rule.action(), score.getAsDouble());
            if (best == null || stronger(match, best)) {
                best = match;
            }
        }
        return best;
    }

    /** The rules this session applies. */
    List<MatchRule> rules() {
        return rules;
    }

    PhoneNumbers phones() {
        return phones;
    }

        private static boolean stronger(DuplicateMatch a, DuplicateMatch b) {
        if (a.action() != b.action()) {
            return a.action() == DuplicateAction.BLOCK;
        }
        return a.score() > b.score();
    }
}
