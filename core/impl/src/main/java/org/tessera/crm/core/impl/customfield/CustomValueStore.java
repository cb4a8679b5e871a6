package org.tessera.crm.core.impl.customfield;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import org.tessera.crm.core.api.customfield.CustomFieldDefinitionDTO;
import org.tessera.crm.core.api.customfield.CustomFieldType;
import org.tessera.crm.core.impl.entity.CustomFieldDefinitionEntity;
import org.tessera.crm.core.impl.entity.CustomValueEntity;
import org.tessera.crm.core.kit.FieldErrors;
import org.tessera.crm.core.impl.support.JpaLookups;

/** Custom values of any entity type in the EAV table, inside the caller's transaction. */
public final class CustomValueStore {
    /** EclipseLink's query hint: results are not copied into the persistence context (nor checked for changes at commit). */
    public static final String READ_ONLY = "eclipselink.read-only";

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

    /**
     * What reading values needs of the definitions of an entity type, by key: only {@code key},
     * {@code type} and {@code sensitive} are filled. One query of three columns, without the
     * entities (and their lists of values) that {@link #definitions} builds.
     */
    public Map<String, CustomFieldDefinitionDTO> definitionsForReading(String entityType) {
        Map<String, CustomFieldDefinitionDTO> byKey = new LinkedHashMap<>();
        for (Object[] row : em.createQuery("SELECT d.key, d.type, d.sensitive FROM CustomFieldDefinitionEntity d"
                + " WHERE d.entityType = :type ORDER BY d.key", Object[].class).setParameter("type", entityType).getResultList()) {
            CustomFieldDefinitionDTO definition = new CustomFieldDefinitionDTO();
            definition.entityType = entityType;
            definition.key = (String) row[0];
            definition.type = CustomFieldType.valueOf((String) row[1]);
            definition.sensitive = Boolean.TRUE.equals(row[2]);
            byKey.put(definition.key, definition);
        }
        return byKey;
    }

    /** Checks and converts {@code values}; errors go to {@code errors}. */
    public Map<String, Object> normalize(String entityType, Map<String, Object> values, boolean partial,
            FieldErrors errors) {
        return new CustomValueNormalizer(definitions(entityType), new JpaLookups(em)).normalize(values, partial, errors);
    }

    /** Values of the given records, by record id then key (keys sorted); one query for all ids. */
    public Map<Long, Map<String, Object>> load(String entityType, Collection<Long> ids) {
        return ids.isEmpty() ? new HashMap<>() : load(entityType, ids, definitions(entityType), false);
    }

    /**
     * Values of the given records, decoded with {@code definitions} (those of {@code entityType}, already
     * read in this transaction). {@code readOnly}: the rows are not registered in the persistence
     * context, for a transaction that writes nothing.
     */
    public Map<Long, Map<String, Object>> load(String entityType, Collection<Long> ids,
            Map<String, CustomFieldDefinitionDTO> definitions, boolean readOnly) {
        Map<Long, Map<String, Object>> byId = new HashMap<>();
        if (ids.isEmpty()) {
            return byId;
        }
        TypedQuery<CustomValueEntity> query = em.createQuery("SELECT v FROM CustomValueEntity v"
                        + " WHERE v.entityType = :type AND v.entityId IN :ids", CustomValueEntity.class)
                .setParameter("type", entityType).setParameter("ids", ids);
        if (readOnly) {
            query.setHint(READ_ONLY, Boolean.TRUE);
        }
        List<CustomValueEntity> rows = query.getResultList();
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
