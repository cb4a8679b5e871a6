package org.tessera.crm.sales.impl.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import org.tessera.crm.core.api.NotFoundException;
import org.tessera.crm.core.api.Page;
import org.tessera.crm.core.api.StaleVersionException;
import org.tessera.crm.core.api.party.PartyDTO;
import org.tessera.crm.core.api.party.PartyQuery;
import org.tessera.crm.core.api.party.PartyRelationshipDTO;
import org.tessera.crm.core.api.party.PartyRoleDTO;
import org.tessera.crm.core.api.party.PartyService;

/**
 * The core's party service as the sales module sees it, in memory: creates, versions, deletes and
 * searches parties (by legal name), and obeys a record scope ({@code visible}) as the core does:
 * a party outside it does not exist for the caller.
 */
final class InMemoryParties implements PartyService {
    final Map<String, PartyDTO> parties = new ConcurrentHashMap<>();
    final List<String> deleted = new CopyOnWriteArrayList<>();
    private final Map<String, List<PartyRelationshipDTO>> relationships = new ConcurrentHashMap<>();
    private final AtomicLong ids;
    private final Predicate<String> visible;

    InMemoryParties(long firstId, Predicate<String> visible) {
        this.ids = new AtomicLong(firstId);
        this.visible = visible;
    }

    /** The parties with this legal name, whoever may see them. */
    List<PartyDTO> organizationsNamed(String legalName) {
        return parties.values().stream().filter(p -> legalName.equals(p.legalName)).toList();
    }

    @Override
    public PartyDTO create(PartyDTO draft) {
        PartyDTO party = copy(draft);
        party.id = Long.toString(ids.incrementAndGet());
        party.version = 1;
        party.displayName = party.legalName != null ? party.legalName : party.firstName + " " + party.lastName;
        parties.put(party.id, party);
        return copy(party);
    }

    @Override
    public Optional<PartyDTO> find(String id) {
        return Optional.ofNullable(parties.get(id)).filter(p -> visible.test(id)).map(InMemoryParties::copy);
    }

    @Override
    public PartyDTO get(String id) {
        return find(id).orElseThrow(() -> new NotFoundException("PARTY", id));
    }

    @Override
    public synchronized PartyDTO update(String id, Long expectedVersion, PartyDTO desired) {
        PartyDTO stored = get(id);
        if (expectedVersion != null && expectedVersion != stored.version) {
            throw new StaleVersionException("PARTY", id, expectedVersion, stored.version);
        }
        PartyDTO updated = copy(desired);
        updated.id = id;
        updated.version = stored.version + 1;
        parties.put(id, updated);
        return copy(updated);
    }

    @Override
    public void delete(String id, Long expectedVersion) {
        get(id);
        parties.remove(id);
        relationships.remove(id);
        relationships.values().forEach(list -> list.removeIf(r -> id.equals(r.toPartyId)));
        deleted.add(id);
    }

    @Override
    public org.tessera.crm.core.api.RecordExport<PartyDTO> export(PartyQuery query) {
        throw new UnsupportedOperationException("not used by these tests");
    }

    @Override
    public Page<PartyDTO> search(PartyQuery query) {
        Page<PartyDTO> page = new Page<>();
        page.items = parties.values().stream().filter(p -> visible.test(p.id))
                .filter(p -> query.type == null || query.type == p.type)
                .filter(p -> query.q == null || (p.legalName != null
                        && p.legalName.toLowerCase(Locale.ROOT).startsWith(query.q.toLowerCase(Locale.ROOT))))
                .map(InMemoryParties::copy).toList();
        return page;
    }

    @Override
    public PartyRelationshipDTO addRelationship(String fromPartyId, PartyRelationshipDTO relationship) {
        get(fromPartyId);
        relationships.computeIfAbsent(fromPartyId, k -> new CopyOnWriteArrayList<>()).add(relationship);
        return relationship;
    }

    @Override
    public List<PartyRelationshipDTO> relationships(String partyId) {
        return new ArrayList<>(relationships.getOrDefault(partyId, List.of()));
    }

    @Override
    public PartyRoleDTO addRole(String partyId, PartyRoleDTO role) {
        return role;
    }

    @Override
    public List<PartyRoleDTO> roles(String partyId) {
        return List.of();
    }

    private static PartyDTO copy(PartyDTO from) {
        PartyDTO to = new PartyDTO();
        to.id = from.id;
        to.version = from.version;
        to.type = from.type;
        to.displayName = from.displayName;
        to.firstName = from.firstName;
        to.lastName = from.lastName;
        to.legalName = from.legalName;
        to.jobTitle = from.jobTitle;
        to.ownerId = from.ownerId;
        to.classifications = new java.util.LinkedHashSet<>(from.classifications);
        to.contactMechanisms = new ArrayList<>(from.contactMechanisms);
        return to;
    }
}
