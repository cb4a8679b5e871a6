package org.tessera.crm.core.impl.party;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import org.tessera.crm.core.api.EntityTypes;
import org.tessera.crm.core.api.customfield.CustomFieldDefinitionDTO;
import org.tessera.crm.core.api.party.PartyDTO;
import org.tessera.crm.core.impl.customfield.CustomValueStore;
import org.tessera.crm.core.impl.entity.ContactMechanismEntity;
import org.tessera.crm.core.impl.entity.PartyEntity;

/**
 * Turns party entities into DTOs, loading the children of all of them with one query per kind
 * of child ({@code IN :ids}), never one per party.
 */
public final class PartyReader {
    private final EntityManager em;
    private final boolean readOnly;
    private Map<String, CustomFieldDefinitionDTO> definitions;

    public PartyReader(EntityManager em) {
        this(em, false);
    }

    /**
     * @param readOnly true in a transaction that writes nothing: the children are read without being
     *     registered in the persistence context (EclipseLink's read-only hint), which a write must not do
     */
    public PartyReader(EntityManager em, boolean readOnly) {
        this.em = em;
        this.readOnly = readOnly;
    }

    /**
     * The party custom field definitions, read once per reader; only their key, type and
     * sensitivity (see {@link CustomValueStore#definitionsForReading}).
     */
    public Map<String, CustomFieldDefinitionDTO> definitions() {
        if (definitions == null) {
            definitions = new CustomValueStore(em).definitionsForReading(EntityTypes.PARTY);
        }
        return definitions;
    }

    /**
     * The stored parties of {@code ids}, by id, read with JDBC as the export reads them
     * ({@link PartyExportRead#ofIds}): no entities, one statement for the parties and one per kind
     * of child, each by the ids. For a path that mostly compares what it reads (an import of
     * unchanged rows); a write loads the entities it changes.
     */
    public Map<Long, PartyDTO> readWithoutEntities(Connection connection, Collection<Long> ids) throws SQLException {
        Map<Long, PartyDTO> byId = new HashMap<>();
        if (ids.isEmpty()) {
            return byId;
        }
        try {
            PartyExportRead.ofIds(ids, definitions()).run(connection, party -> byId.put(Long.valueOf(party.id), party));
        } catch (IOException e) {
            throw new UncheckedIOException("a map cannot fail to take a party", e);
        }
        return byId;
    }

    public PartyDTO toDto(PartyEntity entity) {
        return toDtos(List.of(entity)).get(0);
    }

    /** DTOs in the order of {@code entities}. */
    public List<PartyDTO> toDtos(List<PartyEntity> entities) {
        List<PartyDTO> dtos = new ArrayList<>();
        if (entities.isEmpty()) {
            return dtos;
        }
        List<Long> ids = entities.stream().map(e -> e.id).toList();
        Map<Long, TreeSet<String>> classifications = new HashMap<>();
        for (Object[] row : em.createQuery("SELECT p.id, c FROM PartyEntity p JOIN p.classifications c"
                + " WHERE p.id IN :ids", Object[].class).setParameter("ids", ids).getResultList()) {
            classifications.computeIfAbsent((Long) row[0], id -> new TreeSet<>()).add((String) row[1]);
        }
        Map<Long, TreeMap<String, String>> externalIds = new HashMap<>();
        for (Object[] row : em.createQuery("SELECT p.id, KEY(e), VALUE(e) FROM PartyEntity p JOIN p.externalIds e"
                + " WHERE p.id IN :ids", Object[].class).setParameter("ids", ids).getResultList()) {
            externalIds.computeIfAbsent((Long) row[0], id -> new TreeMap<>()).put((String) row[1], (String) row[2]);
        }
        Map<Long, List<ContactMechanismEntity>> mechanisms = new HashMap<>();
        TypedQuery<ContactMechanismEntity> mechanismQuery = em.createQuery("SELECT m FROM ContactMechanismEntity m"
                + " WHERE m.party.id IN :ids ORDER BY m.id", ContactMechanismEntity.class).setParameter("ids", ids);
        if (readOnly) {
            mechanismQuery.setHint(CustomValueStore.READ_ONLY, Boolean.TRUE);
        }
        for (ContactMechanismEntity m : mechanismQuery.getResultList()) {
            mechanisms.computeIfAbsent(m.party.id, id -> new ArrayList<>()).add(m);
        }
        Map<Long, Map<String, Object>> customValues = new CustomValueStore(em).load(EntityTypes.PARTY, ids, definitions(), readOnly);
        for (PartyEntity entity : entities) {
            PartyDTO dto = PartyMapper.scalars(entity);
            dto.classifications = new LinkedHashSet<>(classifications.getOrDefault(entity.id, new TreeSet<>()));
            dto.externalIds = new LinkedHashMap<>(externalIds.getOrDefault(entity.id, new TreeMap<>()));
            mechanisms.getOrDefault(entity.id, List.of()).forEach(m -> dto.contactMechanisms.add(PartyMapper.toDto(m)));
            dto.customFields = new LinkedHashMap<>(customValues.getOrDefault(entity.id, Map.of()));
            dtos.add(dto);
        }
        return dtos;
    }
}
