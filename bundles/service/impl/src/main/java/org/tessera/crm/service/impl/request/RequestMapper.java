package org.tessera.crm.service.impl.request;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.tessera.crm.core.kit.CustomValuesJson;
import org.tessera.crm.core.kit.Ids;
import org.tessera.crm.service.api.RequestDTO;
import org.tessera.crm.service.api.StatusCategory;
import org.tessera.crm.service.impl.entity.RequestEntity;

/** Entity to value type and back; entities never leave this bundle. */
public final class RequestMapper {
    private RequestMapper() {
    }

    public static RequestDTO toDto(RequestEntity e) {
        RequestDTO d = new RequestDTO();
        d.id = Ids.format(e.id);
        d.number = e.number;
        d.externalId = e.externalId;
        d.type = e.typeCode;
        d.summary = e.summary;
        d.description = e.description;
        d.partyId = Ids.format(e.partyId);
        d.contactId = Ids.format(e.contactId);
        d.customerReference = e.customerReference;
        d.origin = e.origin;
        d.reason = e.reason;
        d.product = e.product;
        d.productLink = e.productLink;
        d.priority = e.priority;
        d.severity = e.severity;
        d.status = e.status;
        d.statusCategory = StatusCategory.valueOf(e.statusCategory);
        d.parentId = Ids.format(e.parentId);
        d.ownerId = Ids.format(e.ownerId);
        d.queueId = Ids.format(e.queueId);
        d.resolution = e.resolution;
        d.templateCode = e.templateCode;
        d.customFields = CustomValuesJson.decode(e.customValues);
        d.closedAt = e.closedAt;
        d.version = e.version;
        d.createdAt = e.createdAt;
        d.updatedAt = e.updatedAt;
        return d;
    }

    /** The fields a client writes, as text, for the history and the "unchanged" check of an import. */
    public static Map<String, String> writable(RequestDTO d) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("number", d.number);
        fields.put("externalId", d.externalId);
        fields.put("type", d.type);
        fields.put("summary", d.summary);
        fields.put("description", d.description);
        fields.put("partyId", d.partyId);
        fields.put("contactId", d.contactId);
        fields.put("customerReference", d.customerReference);
        fields.put("origin", d.origin);
        fields.put("reason", d.reason);
        fields.put("product", d.product);
        fields.put("productLink", d.productLink);
        fields.put("priority", d.priority);
        fields.put("severity", d.severity);
        fields.put("status", d.status);
        fields.put("parentId", d.parentId);
        fields.put("ownerId", d.ownerId);
        fields.put("queueId", d.queueId);
        fields.put("resolution", d.resolution);
        d.customFields.forEach((key, value) -> fields.put("customFields." + key, value == null ? null : value.toString()));
        return fields;
    }

    /** Fields whose text differs between two versions of a request. */
    public static Map<String, String[]> changes(RequestDTO before, RequestDTO after) {
        Map<String, String> a = writable(before);
        Map<String, String> b = writable(after);
        Map<String, String[]> changed = new LinkedHashMap<>();
        java.util.Set<String> keys = new java.util.LinkedHashSet<>(a.keySet());
        keys.addAll(b.keySet());
        for (String key : keys) {
            if (!Objects.equals(a.get(key), b.get(key))) {
                changed.put(key, new String[] {a.get(key), b.get(key)});
            }
        }
        return changed;
    }

    /** The facts that assignment rules and SLA policies are matched on. */
    public static Map<String, String> facts(RequestDTO d, String classifications) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("type", d.type);
        facts.put("priority", d.priority);
        facts.put("severity", d.severity);
        facts.put("origin", d.origin);
        facts.put("reason", d.reason);
        facts.put("product", d.product);
        if (classifications != null) {
            facts.put("classification", classifications);
        }
        d.customFields.forEach((key, value) -> facts.put("customFields." + key, value == null ? null : value.toString()));
        return facts;
    }
}
