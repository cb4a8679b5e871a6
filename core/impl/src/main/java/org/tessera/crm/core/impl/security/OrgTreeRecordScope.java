package org.tessera.crm.core.impl.security;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tessera.crm.core.api.security.Caller;
import org.tessera.crm.core.api.security.CallerContext;
import org.tessera.crm.core.api.security.CorePermissions;
import org.tessera.crm.core.api.security.RecordScope;
import org.tessera.crm.core.impl.entity.PartyEntity;
import org.tessera.crm.core.impl.jpa.CoreUnit;
import org.tessera.crm.core.kit.Ids;
import org.tessera.crm.core.kit.jpa.Tx;

/**
 * The record scope of the org unit tree: a restricted caller sees the subtree of their agent's
 * org unit. The tree is read at each call (it is small, and changes must apply at once). Fail
 * closed: a thread with no caller bound sees no record (system work binds {@code Caller.system()}).
 */
@Component(service = RecordScope.class)
public class OrgTreeRecordScope implements RecordScope {
    private final Tx tx;
    private final CallerContext callers;

    @Activate
    public OrgTreeRecordScope(@Reference(name = "tx", target = CoreUnit.TX) Tx tx, @Reference(name = "callers") CallerContext callers) {
        this.tx = tx;
        this.callers = callers;
    }

    @Override
    public Optional<Set<String>> visibleOrgUnitIds() {
        return visibleUnits().map(units -> units.stream().map(Ids::format).collect(Collectors.toUnmodifiableSet()));
    }

    /** The visible org unit ids as numbers, empty when unrestricted; no unit at all when no caller is bound. */
    public Optional<Set<Long>> visibleUnits() {
        Optional<Caller> caller = callers.current();
        if (caller.isEmpty()) {
            return Optional.of(Set.of());
        }
        if (caller.get().hasPermission(CorePermissions.ALL_RECORDS)) {
            return Optional.empty();
        }
        Optional<Long> root = Ids.parse(caller.get().orgUnitId());
        if (root.isEmpty()) {
            return Optional.of(Set.of());
        }
        return Optional.of(tx.required(em -> tree(em).subtree(root.get())));
    }

    @Override
    public boolean canAccessOrgUnit(String orgUnitId) {
        Optional<Set<Long>> visible = visibleUnits();
        return visible.isEmpty() || Ids.parse(orgUnitId).map(visible.get()::contains).orElse(false);
    }

    @Override
    public boolean canAccessParty(String partyId) {
        Optional<Long> id = Ids.parse(partyId);
        if (id.isEmpty()) {
            return false;
        }
        Optional<Set<Long>> visible = visibleUnits();
        if (visible.isPresent() && visible.get().isEmpty()) {
            return false;
        }
        return tx.required(em -> {
            PartyEntity party = em.find(PartyEntity.class, id.get());
            return party != null && (visible.isEmpty() || (party.orgUnitId != null && visible.get().contains(party.orgUnitId)));
        });
    }

    @Override
    public Optional<String> defaultOrgUnitId() {
        return callers.current().map(Caller::orgUnitId);
    }

    private static OrgTree tree(EntityManager em) {
        List<Object[]> links = em.createQuery("SELECT u.id, u.parentId FROM OrgUnitEntity u", Object[].class).getResultList();
        return new OrgTree(links);
    }
}
