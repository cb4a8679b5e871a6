package ${package}.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.tessera.crm.core.kit.Ids;
import ${package}.api.${entity}DTO;

/** Entity to value type and back; entities never leave this bundle. */
final class ${entity}Mapper {
    private ${entity}Mapper() {
    }

    static ${entity}DTO toDto(${entity}Entity entity) {
        ${entity}DTO dto = new ${entity}DTO();
        dto.id = Ids.format(entity.id);
        dto.partyId = Ids.format(entity.partyId);
        dto.name = entity.name;
        dto.description = entity.description;
        dto.version = entity.version;
        dto.createdAt = entity.createdAt;
        dto.updatedAt = entity.updatedAt;
        return dto;
    }

    /** Copies the client-written fields, already checked by {@link ${entity}Rules}; id, version and timestamps stay the server's. */
    static void copyWritable(${entity}DTO from, long partyId, ${entity}Entity to) {
        to.partyId = partyId;
        to.name = from.name;
        to.description = from.description;
    }

    /** The client-written fields whose values differ, for the event of an update. */
    static List<String> changedFields(${entity}DTO before, ${entity}DTO after) {
        List<String> changed = new ArrayList<>();
        addIfChanged(changed, "partyId", before.partyId, after.partyId);
        addIfChanged(changed, "name", before.name, after.name);
        addIfChanged(changed, "description", before.description, after.description);
        return changed;
    }

    private static void addIfChanged(List<String> changed, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changed.add(field);
        }
    }
}
