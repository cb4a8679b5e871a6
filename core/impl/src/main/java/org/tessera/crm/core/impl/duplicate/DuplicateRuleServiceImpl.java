package org.tessera.crm.core.impl.duplicate;

import java.sql.Connection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tessera.crm.core.api.EntityTypes;
import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.core.api.NotFoundException;
import org.tessera.crm.core.api.StaleVersionException;
import org.tessera.crm.core.api.ValidationException;
import org.tessera.crm.core.api.audit.AuditAction;
import org.tessera.crm.core.api.duplicate.DuplicateRuleDTO;
import org.tessera.crm.core.api.duplicate.DuplicateRuleService;
import org.tessera.crm.core.impl.audit.AuditTrail;
import org.tessera.crm.core.impl.customfield.CustomValueStore;
import org.tessera.crm.core.impl.jpa.CoreUnit;
import org.tessera.crm.core.kit.jpa.Tx;

/**
 * The duplicate rules, in the core's {@code duplicate_rule} table. A change is audited in its
 * transaction; once it has committed the matching keys of every party are rebuilt for the new rule
 * set before the call returns, so that the next write is checked against keys built by the same rules.
 */
@Component
public class DuplicateRuleServiceImpl implements DuplicateRuleService {
    private final Tx tx;
    private final AuditTrail audit;
    private final PartyDuplicates duplicates;

    @Activate
    public DuplicateRuleServiceImpl(@Reference(name = "tx", target = CoreUnit.TX) Tx tx, @Reference(name = "audit") AuditTrail audit,
            @Reference(name = "duplicates") PartyDuplicates duplicates) {
        this.tx = tx;
        this.audit = audit;
        this.duplicates = duplicates;
    }

    @Override
    public List<DuplicateRuleDTO> list() {
        return tx.required(em -> PartyDuplicates.sql(() -> new RuleTable(em.unwrap(Connection.class)).list()));
    }

    @Override
    public Optional<DuplicateRuleDTO> find(String key) {
        return tx.required(em -> PartyDuplicates.sql(() -> new RuleTable(em.unwrap(Connection.class)).find(key)));
    }

    @Override
    public DuplicateRuleDTO put(String key, Long expectedVersion, DuplicateRuleDTO rule) {
        DuplicateRuleDTO stored = tx.required(em -> {
            Set<String> customKeys = new CustomValueStore(em).definitions(EntityTypes.PARTY).keySet();
            List<FieldError> errors = RuleDefinitions.errors(key, rule, customKeys);
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
            RuleTable table = new RuleTable(em.unwrap(Connection.class));
            Optional<DuplicateRuleDTO> previous = PartyDuplicates.sql(() -> table.find(key));
            long current = previous.map(p -> p.version).orElse(0L);
            if (expectedVersion != null && expectedVersion != current) {
                throw new StaleVersionException(EntityTypes.DUPLICATE_RULE, key, expectedVersion, current);
            }
            DuplicateRuleDTO next = copy(key, rule, current + 1);
            boolean written = PartyDuplicates.sql(() -> {
                if (previous.isEmpty()) {
                    table.insert(next);
                    return true;
                }
                return table.update(next);
            });
            if (!written) {
                throw new StaleVersionException(EntityTypes.DUPLICATE_RULE, key, current, -1);
            }
            audit.record(em, EntityTypes.DUPLICATE_RULE, key, previous.isEmpty() ? AuditAction.CREATE : AuditAction.UPDATE,
                    previous.orElse(null), next, Set.of());
            return next;
        });
        duplicates.rebuildIfStale();
        return stored;
    }

    @Override
    public void delete(String key) {
        tx.required(em -> {
            RuleTable table = new RuleTable(em.unwrap(Connection.class));
            DuplicateRuleDTO previous = PartyDuplicates.sql(() -> table.find(key))
                    .orElseThrow(() -> new NotFoundException(EntityTypes.DUPLICATE_RULE, key));
            PartyDuplicates.sql(() -> table.delete(key));
            audit.record(em, EntityTypes.DUPLICATE_RULE, key, AuditAction.DELETE, previous, null, Set.of());
            return null;
        });
        duplicates.rebuildIfStale();
    }

    private static DuplicateRuleDTO copy(String key, DuplicateRuleDTO rule, long version) {
        DuplicateRuleDTO copy = new DuplicateRuleDTO();
        copy.key = key;
        copy.partyType = rule.partyType;
        copy.description = rule.description;
        copy.action = rule.action;
        copy.fields = List.copyOf(rule.fields);
        copy.version = version;
        return copy;
    }
}
