package org.tessera.crm.core.impl.customfield;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;

import org.tessera.crm.core.api.customfield.CustomFieldDefinitionDTO;
import org.tessera.crm.core.api.customfield.CustomFieldType;
import org.tessera.crm.core.impl.entity.CustomFieldDefinitionEntity;
import org.tessera.crm.core.impl.entity.CustomValueEntity;
import org.tessera.crm.core.impl.support.FieldErrors;
import org.tessera.crm.core.impl.support.JpaLookups;

/** Custom values of any entity type in the EAV table, inside the caller's transaction. */
public final class CustomValueStore {
    private final EntityManager em;

    public CustomValueStore(EntityManager em) {
        this.em = em;
    }

    /** Definitions of an entity type, by key. */
    public Map<String, CustomFieldDefinitionDTO> definitions(String entityType) {
        return em.createQuery("SELECT d FROM CustomFieldDefinitionEntity d WHERE d.entityType = :type ORDER BY d.key",
                        CustomFieldDefinitionEntity.class)
                .setParameter("type", entityType).getResultList().stream()
                .map(CustomFieldServiceImpl::toDto)
                .collect(Collectors.toMap(d -> d.key, d -> d, (a, b) -> a, LinkedHashMap::new));
    }

    /** Checks and converts {@code values}; errors go to {@code errors}. */
    public Map<String, Object> normalize(String entityType, Map<String, Object> values, boolean partial,
            FieldErrors errors) {
        return new CustomValueNormalizer(definitions(entityType), new JpaLookups(em)).normalize(values, partial, errors);
    }

    /** Values of the given records, by record id then key (keys sorted); one query for all ids. */
    public Map<Long, Map<String, Object>> load(String entityType, Collection<Long> ids) {
        Map<Long, Map<String, Object>> byId = new HashMap<>();
        if (ids.isEmpty()) {
            return byId;
        }
        Map<String, CustomFieldDefinitionDTO> definitions = definitions(entityType);
        List<CustomValueEntity> rows = em.createQuery("SELECT v FROM CustomValueEntity v"
                        + " WHERE v.entityType = :type AND v.entityId IN :ids", CustomValueEntity.class)
                .setParameter("type", entityType).setParameter("ids", ids).getResultList();
        for (CustomValueEntity row : rows) {
            CustomFieldDefinitionDTO definition = definitions.get(row.fieldKey);
            CustomFieldType type = definition == null ? null : definition.type;
            byId.computeIfAbsent(row.entityId, id -> new TreeMap<>())
                    .put(row.fieldKey, CustomValueCodec.fromText(type, row.textValue));
        }
        return byId;
    }

    /** Makes the stored values of one record equal to {@code normalized}. */
    public void replace(String entityType, Long entityId, Map<String, Object> normalized) {
        Map<String, CustomValueEntity> stored = new HashMap<>();
        for (CustomValueEntity row : rows(entityType, entityId)) {
            stored.put(row.fieldKey, row);
        }
        for (Map.Entry<String, Object> entry : normalized.entrySet()) {
            CustomValueEntity row = stored.remove(entry.getKey());
            if (row == null) {
                row = new CustomValueEntity();
                row.entityType = entityType;
                row.entityId = entityId;
                row.fieldKey = entry.getKey();
                fill(row, entry.getValue());
                em.persist(row);
            } else {
                fill(row, entry.getValue());
            }
        }
        stored.values().forEach(em::remove);
    }

    public void deleteAll(String entityType, Long entityId) {
        rows(entityType, entityId).forEach(em::remove);
    }

    private List<CustomValueEntity> rows(String entityType, Long entityId) {
        return em.createQuery("SELECT v FROM CustomValueEntity v WHERE v.entityType = :type AND v.entityId = :id",
                        CustomValueEntity.class)
                .setParameter("type", entityType).setParameter("id", entityId).getResultList();
    }

    private static void fill(CustomValueEntity row, Object canonical) {
        row.textValue = CustomValueCodec.toText(canonical);
        row.textPrefix = CustomValueEntity.prefixOf(row.textValue);
        row.numberValue = CustomValueCodec.toNumber(canonical);
    }
}
