package org.tessera.crm.core.impl.customfield;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.persistence.EntityManager;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tessera.crm.core.api.ConflictException;
import org.tessera.crm.core.api.EntityTypes;
import org.tessera.crm.core.api.audit.AuditAction;
import org.tessera.crm.core.api.customfield.CustomFieldDefinitionDTO;
import org.tessera.crm.core.api.customfield.CustomFieldService;
import org.tessera.crm.core.api.customfield.CustomFieldType;
import org.tessera.crm.core.api.customfield.PicklistDTO;
import org.tessera.crm.core.api.customfield.PicklistValueDTO;
import org.tessera.crm.core.impl.audit.AuditTrail;
import org.tessera.crm.core.impl.entity.CustomFieldDefinitionEntity;
import org.tessera.crm.core.impl.entity.PicklistEntity;
import org.tessera.crm.core.impl.entity.PicklistValue;
import org.tessera.crm.core.impl.jpa.CoreUnit;
import org.tessera.crm.core.impl.support.JpaLookups;
import org.tessera.crm.core.kit.FieldErrors;
import org.tessera.crm.core.kit.Ids;
import org.tessera.crm.core.kit.jpa.Tx;

@Component
public class CustomFieldServiceImpl implements CustomFieldService {
    private final Tx tx;
    private final AuditTrail audit;

    @Activate
    public CustomFieldServiceImpl(@Reference(name = "tx", target = CoreUnit.TX) Tx tx, @Reference(name = "audit") AuditTrail audit) {
        this.tx = tx;
        this.audit = audit;
    }

    @Override
    public CustomFieldDefinitionDTO define(CustomFieldDefinitionDTO definition) {
        return tx.required(em -> {
            CustomFieldRules.applyDefaults(definition);
            FieldErrors errors = CustomFieldRules.check(definition, key -> findPicklist(em, key).isPresent());
            errors.throwIfAny();
            if (findDefinition(em, definition.entityType, definition.key).isPresent()) {
                throw new ConflictException("key", "custom field " + definition.key + " is already defined for "
                        + definition.entityType);
            }
            CustomFieldDefinitionEntity entity = new CustomFieldDefinitionEntity();
            entity.entityType = definition.entityType;
            entity.key = definition.key;
            entity.label = definition.label;
            entity.type = definition.type.name();
            entity.required = definition.required;
            entity.picklist = definition.picklist;
            entity.referenceType = definition.referenceType;
            entity.maxLength = definition.maxLength;
            entity.module = definition.module;
            entity.sensitive = definition.sensitive;
            entity.values = new ArrayList<>(definition.values == null ? List.of() : definition.values);
            em.persist(entity);
            em.flush();
            CustomFieldDefinitionDTO stored = toDto(entity);
            audit.record(em, EntityTypes.CUSTOM_FIELD, stored.entityType + "." + stored.key, AuditAction.CREATE, null, stored, Set.of());
            return stored;
        });
    }

    @Override
    public CustomFieldDefinitionDTO defineIfAbsent(CustomFieldDefinitionDTO definition) {
        return definition(definition.entityType, definition.key).orElseGet(() -> {
            try {
                return define(definition);
            } catch (ConflictException raced) {
                // Another module defined it meanwhile: the stored one wins.
                return definition(definition.entityType, definition.key).orElseThrow(() -> raced);
            }
        });
    }

    @Override
    public List<CustomFieldDefinitionDTO> definitions(String entityType) {
        return tx.required(em -> {
            if (entityType != null) {
                return new ArrayList<>(new CustomValueStore(em).definitions(entityType).values());
            }
            return em.createQuery("SELECT d FROM CustomFieldDefinitionEntity d ORDER BY d.entityType, d.key",
                    CustomFieldDefinitionEntity.class).getResultList().stream().map(CustomFieldServiceImpl::toDto).toList();
        });
    }

    @Override
    public Optional<CustomFieldDefinitionDTO> definition(String entityType, String key) {
        return tx.required(em -> findDefinition(em, entityType, key).map(CustomFieldServiceImpl::toDto));
    }

    @Override
    public Map<String, Object> normalize(String entityType, Map<String, Object> values, boolean partial) {
        return tx.required(em -> {
            FieldErrors errors = new FieldErrors();
            Map<String, Object> normalized = new CustomValueStore(em).normalize(entityType, values, partial, errors);
            errors.throwIfAny();
            return normalized;
        });
    }

    @Override
    public PicklistDTO createPicklist(PicklistDTO picklist) {
        return tx.required(em -> {
            CustomFieldRules.check(picklist).throwIfAny();
            if (findPicklist(em, picklist.key).isPresent()) {
                throw new ConflictException("key", "picklist " + picklist.key + " exists");
            }
            PicklistEntity entity = new PicklistEntity();
            entity.key = picklist.key;
            entity.label = picklist.label;
            picklist.values.forEach(value -> entity.values.add(toValue(value)));
            em.persist(entity);
            em.flush();
            PicklistDTO stored = toDto(entity);
            audit.record(em, EntityTypes.PICKLIST, stored.key, AuditAction.CREATE, null, stored, Set.of());
            return stored;
        });
    }

    @Override
    public PicklistDTO mergePicklist(PicklistDTO picklist) {
        return tx.required(em -> {
            CustomFieldRules.check(picklist).throwIfAny();
            Optional<PicklistEntity> stored = findPicklist(em, picklist.key);
            if (stored.isEmpty()) {
                return createPicklist(picklist);
            }
            PicklistEntity entity = stored.get();
            PicklistDTO previous = toDto(entity);
            for (PicklistValueDTO value : picklist.values) {
                if (entity.values.stream().noneMatch(v -> v.code.equals(value.code))) {
                    entity.values.add(toValue(value));
                }
            }
            em.flush();
            PicklistDTO merged = toDto(entity);
            audit.record(em, EntityTypes.PICKLIST, merged.key, AuditAction.UPDATE, previous, merged, Set.of());
            return merged;
        });
    }

    @Override
    public Optional<PicklistDTO> picklist(String key) {
        return tx.required(em -> findPicklist(em, key).map(CustomFieldServiceImpl::toDto));
    }

    @Override
    public List<PicklistDTO> picklists() {
        return tx.required(em -> em.createQuery("SELECT p FROM PicklistEntity p ORDER BY p.key", PicklistEntity.class)
                .getResultList().stream().map(CustomFieldServiceImpl::toDto).toList());
    }

    @Override
    public boolean isActiveValue(String key, String code) {
        return tx.required(em -> new JpaLookups(em).isActiveValue(key, code));
    }

    static Optional<CustomFieldDefinitionEntity> findDefinition(EntityManager em, String entityType, String key) {
        return em.createQuery("SELECT d FROM CustomFieldDefinitionEntity d WHERE d.entityType = :type AND d.key = :key",
                        CustomFieldDefinitionEntity.class)
                .setParameter("type", entityType).setParameter("key", key).getResultStream().findFirst();
    }

    static Optional<PicklistEntity> findPicklist(EntityManager em, String key) {
        return em.createQuery("SELECT p FROM PicklistEntity p WHERE p.key = :key", PicklistEntity.class)
                .setParameter("key", key).getResultStream().findFirst();
    }

    private static PicklistValue toValue(PicklistValueDTO dto) {
        PicklistValue value = new PicklistValue();
        value.code = dto.code;
        value.label = dto.label;
        value.active = dto.active;
        value.sortOrder = dto.sortOrder;
        return value;
    }

    static CustomFieldDefinitionDTO toDto(CustomFieldDefinitionEntity entity) {
        CustomFieldDefinitionDTO dto = new CustomFieldDefinitionDTO();
        dto.id = Ids.format(entity.id);
        dto.entityType = entity.entityType;
        dto.key = entity.key;
        dto.label = entity.label;
        dto.type = CustomFieldType.valueOf(entity.type);
        dto.required = entity.required;
        dto.values = new ArrayList<>(entity.values);
        dto.picklist = entity.picklist;
        dto.referenceType = entity.referenceType;
        dto.maxLength = entity.maxLength;
        dto.module = entity.module;
        dto.sensitive = entity.sensitive;
        dto.version = entity.version;
        return dto;
    }

    static PicklistDTO toDto(PicklistEntity entity) {
        PicklistDTO dto = new PicklistDTO();
        dto.id = Ids.format(entity.id);
        dto.key = entity.key;
        dto.label = entity.label;
        dto.version = entity.version;
        entity.values.stream().sorted(Comparator.comparingInt((PicklistValue v) -> v.sortOrder).thenComparing(v -> v.code))
                .forEach(v -> {
                    PicklistValueDTO value = new PicklistValueDTO();
                    value.code = v.code;
                    value.label = v.label;
                    value.active = v.active;
                    value.sortOrder = v.sortOrder;
                    dto.values.add(value);
                });
        return dto;
    }
}
