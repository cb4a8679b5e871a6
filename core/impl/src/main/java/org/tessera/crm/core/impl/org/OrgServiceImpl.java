package org.tessera.crm.core.impl.org;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import javax.persistence.EntityManager;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tessera.crm.core.api.ConflictException;
import org.tessera.crm.core.api.EntityTypes;
import org.tessera.crm.core.api.audit.AuditAction;
import org.tessera.crm.core.api.org.AgentDTO;
import org.tessera.crm.core.api.org.OrgService;
import org.tessera.crm.core.api.org.OrgUnitDTO;
import org.tessera.crm.core.impl.audit.AuditTrail;
import org.tessera.crm.core.impl.customfield.CustomValueStore;
import org.tessera.crm.core.impl.entity.AgentEntity;
import org.tessera.crm.core.impl.entity.OrgUnitEntity;
import org.tessera.crm.core.impl.jpa.CoreUnit;
import org.tessera.crm.core.impl.party.ContactRules;
import org.tessera.crm.core.kit.FieldErrors;
import org.tessera.crm.core.kit.Ids;
import org.tessera.crm.core.kit.jpa.Tx;

@Component
public class OrgServiceImpl implements OrgService {
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,49}");

    private final Tx tx;
    private final AuditTrail audit;

    @Activate
    public OrgServiceImpl(@Reference(name = "tx", target = CoreUnit.TX) Tx tx, @Reference(name = "audit") AuditTrail audit) {
        this.tx = tx;
        this.audit = audit;
    }

    @Override
    public OrgUnitDTO createOrgUnit(OrgUnitDTO draft) {
        return tx.required(em -> {
            FieldErrors errors = new FieldErrors();
            errors.required("code", draft.code);
            if (draft.code != null && !draft.code.isBlank() && !CODE.matcher(draft.code).matches()) {
                errors.invalid("code", "letters, digits, '-' and '_', at most 50");
            }
            errors.required("name", draft.name);
            errors.maxLength("name", draft.name, 200);
            Long parentId = null;
            if (draft.parentId != null) {
                parentId = Ids.parse(draft.parentId).filter(id -> em.find(OrgUnitEntity.class, id) != null).orElse(null);
                if (parentId == null) {
                    errors.invalid("parentId", "no such org unit");
                }
            }
            errors.throwIfAny();
            if (unitByCode(em, draft.code).isPresent()) {
                throw new ConflictException("code", "org unit code " + draft.code + " is taken");
            }
            OrgUnitEntity unit = new OrgUnitEntity();
            unit.code = draft.code;
            unit.name = draft.name;
            unit.parentId = parentId;
            em.persist(unit);
            em.flush();
            OrgUnitDTO stored = toDto(unit);
            audit.record(em, EntityTypes.ORG_UNIT, stored.id, AuditAction.CREATE, null, stored, Set.of());
            return stored;
        });
    }

    @Override
    public Optional<OrgUnitDTO> findOrgUnit(String id) {
        return Ids.parse(id).flatMap(value -> tx.required(em ->
                Optional.ofNullable(em.find(OrgUnitEntity.class, value)).map(OrgServiceImpl::toDto)));
    }

    @Override
    public Optional<OrgUnitDTO> findOrgUnitByCode(String code) {
        return tx.required(em -> unitByCode(em, code).map(OrgServiceImpl::toDto));
    }

    @Override
    public List<OrgUnitDTO> orgUnits() {
        return tx.required(em -> em.createQuery("SELECT u FROM OrgUnitEntity u ORDER BY u.code", OrgUnitEntity.class)
                .getResultList().stream().map(OrgServiceImpl::toDto).toList());
    }

    @Override
    public AgentDTO createAgent(AgentDTO draft) {
        return tx.required(em -> {
            FieldErrors errors = new FieldErrors();
            errors.required("login", draft.login);
            errors.maxLength("login", draft.login, 100);
            errors.maxLength("displayName", draft.displayName, 200);
            if (draft.email != null && !ContactRules.isEmail(draft.email)) {
                errors.invalid("email", "not an email address");
            }
            Long orgUnitId = Ids.parse(draft.orgUnitId).filter(id -> em.find(OrgUnitEntity.class, id) != null).orElse(null);
            if (draft.orgUnitId == null) {
                errors.required("orgUnitId", null);
            } else if (orgUnitId == null) {
                errors.invalid("orgUnitId", "no such org unit");
            }
            errors.throwIfAny();
            if (agentByLogin(em, draft.login).isPresent()) {
                throw new ConflictException("login", "login " + draft.login + " is taken");
            }
            AgentEntity agent = new AgentEntity();
            agent.login = draft.login;
            agent.displayName = draft.displayName;
            agent.email = draft.email;
            agent.orgUnitId = orgUnitId;
            agent.active = draft.active;
            em.persist(agent);
            em.flush();
            AgentDTO stored = toDto(agent);
            audit.record(em, EntityTypes.AGENT, stored.id, AuditAction.CREATE, null, stored, Set.of());
            return stored;
        });
    }

    @Override
    public Optional<AgentDTO> findAgent(String id) {
        return Ids.parse(id).flatMap(value -> tx.required(em ->
                Optional.ofNullable(em.find(AgentEntity.class, value)).map(OrgServiceImpl::toDto)));
    }

    @Override
    public Optional<AgentDTO> findAgentByLogin(String login) {
        // asked on every authenticated request: read without registering the agent in the persistence context
        return tx.required(em -> em.createQuery("SELECT a FROM AgentEntity a WHERE a.login = :login", AgentEntity.class)
                .setParameter("login", login).setHint(CustomValueStore.READ_ONLY, Boolean.TRUE).getResultStream().findFirst()
                .map(OrgServiceImpl::toDto));
    }

    @Override
    public List<AgentDTO> agents() {
        return tx.required(em -> em.createQuery("SELECT a FROM AgentEntity a ORDER BY a.login", AgentEntity.class)
                .getResultList().stream().map(OrgServiceImpl::toDto).toList());
    }

    private static Optional<OrgUnitEntity> unitByCode(EntityManager em, String code) {
        return em.createQuery("SELECT u FROM OrgUnitEntity u WHERE u.code = :code", OrgUnitEntity.class)
                .setParameter("code", code).getResultStream().findFirst();
    }

    private static Optional<AgentEntity> agentByLogin(EntityManager em, String login) {
        return em.createQuery("SELECT a FROM AgentEntity a WHERE a.login = :login", AgentEntity.class)
                .setParameter("login", login).getResultStream().findFirst();
    }

    static OrgUnitDTO toDto(OrgUnitEntity entity) {
        OrgUnitDTO dto = new OrgUnitDTO();
        dto.id = Ids.format(entity.id);
        dto.code = entity.code;
        dto.name = entity.name;
        dto.parentId = Ids.format(entity.parentId);
        dto.version = entity.version;
        return dto;
    }

    static AgentDTO toDto(AgentEntity entity) {
        AgentDTO dto = new AgentDTO();
        dto.id = Ids.format(entity.id);
        dto.login = entity.login;
        dto.displayName = entity.displayName;
        dto.email = entity.email;
        dto.orgUnitId = Ids.format(entity.orgUnitId);
        dto.active = entity.active;
        dto.version = entity.version;
        return dto;
    }
}
