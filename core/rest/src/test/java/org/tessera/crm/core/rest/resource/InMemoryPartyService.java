package org.tessera.crm.core.rest.resource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.core.api.NotFoundException;
import org.tessera.crm.core.api.Page;
import org.tessera.crm.core.api.StaleVersionException;
import org.tessera.crm.core.api.ValidationException;
import org.tessera.crm.core.api.party.PartyDTO;
import org.tessera.crm.core.api.party.PartyQuery;
import org.tessera.crm.core.api.party.PartyRelationshipDTO;
import org.tessera.crm.core.api.party.PartyRoleDTO;
import org.tessera.crm.core.api.party.PartyService;

/** A test double with the contract of PartyService that the REST layer relies on. */
class InMemoryPartyService implements PartyService {
    final Map<String, PartyDTO> parties = new ConcurrentHashMap<>();
    volatile PartyQuery lastQuery;
    private final AtomicLong ids = new AtomicLong();

    @Override
    public PartyDTO create(PartyDTO draft) {
        validate(draft);
        draft.id = String.valueOf(ids.incrementAndGet());
        draft.version = 1;
        draft.createdAt = Instant.parse("2024-01-31T09:30:00Z");
        parties.put(draft.id, draft);
        return draft;
    }

    @Override
    public Optional<PartyDTO> find(String id) {
        return Optional.ofNullable(parties.get(id));
    }

    @Override
    public PartyDTO get(String id) {
        return find(id).orElseThrow(() -> new NotFoundException("PARTY", id));
    }

    @Override
    public PartyDTO update(String id, Long expectedVersion, PartyDTO desired) {
        PartyDTO stored = get(id);
        if (expectedVersion != null && expectedVersion != stored.version) {
            throw new StaleVersionException("PARTY", id, expectedVersion, stored.version);
        }
        validate(desired);
        desired.id = id;
        desired.version = stored.version + 1;
        desired.createdAt = stored.createdAt;
        parties.put(id, desired);
        return desired;
    }

    @Override
    public void delete(String id, Long expectedVersion) {
        PartyDTO stored = get(id);
        if (expectedVersion != null && expectedVersion != stored.version) {
            throw new StaleVersionException("PARTY", id, expectedVersion, stored.version);
        }
        parties.remove(id);
    }

    @Override
    public org.tessera.crm.core.api.RecordExport<PartyDTO> export(PartyQuery query) {
        throw new UnsupportedOperationException("not used by these tests");
    }

    @Override
    public Page<PartyDTO> search(PartyQuery query) {
        lastQuery = query;
        if (query.cursor != null && !query.cursor.equals("next")) {
            throw new ValidationException(FieldError.invalid("cursor", "malformed cursor"));
        }
        List<PartyDTO> all = new ArrayList<>(parties.values());
        return new Page<>(all.subList(0, Math.min(query.limit, all.size())), all.size() > query.limit ? "next" : null);
    }

    @Override
    public PartyRelationshipDTO addRelationship(String fromPartyId, PartyRelationshipDTO relationship) {
        get(fromPartyId);
        relationship.fromPartyId = fromPartyId;
        relationship.id = "r1";
        return relationship;
    }

    @Override
    public List<PartyRelationshipDTO> relationships(String partyId) {
        return List.of();
    }

    @Override
    public PartyRoleDTO addRole(String partyId, PartyRoleDTO role) {
        role.partyId = partyId;
        return role;
    }

    @Override
    public List<PartyRoleDTO> roles(String partyId) {
        return List.of();
    }

    private static void validate(PartyDTO party) {
        if (party.type == null) {
            throw new ValidationException(FieldError.required("type"));
        }
    }
}
