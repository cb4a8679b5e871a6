package org.tessera.crm.core.impl.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.core.api.ValidationException;
import org.tessera.crm.core.api.party.PartyDTO;
import org.tessera.crm.core.api.sync.FieldMetaDTO;
import org.tessera.crm.core.api.sync.PartySyncDTO;
import org.tessera.crm.core.impl.party.SensitivePartyFields;
import org.tessera.crm.core.impl.support.Times;

/** Checks a sync request and merges it into the stored party field by field ({@link FieldMerge}). */
public final class PartySyncRequests {
    /** How far ahead of this server's clock a source's time may be (clock skew); later is refused. */
    static final Duration MAX_AHEAD = Duration.ofMinutes(5);
    static final String TIMES = "fieldModifiedAt";

    private PartySyncRequests() {
    }

    /** What a sync takes: the merged party, and the stamp of each field taken from the source. */
    public record Merge(PartyDTO party, Map<String, FieldStamp> taken) {
    }

    /**
     * Refuses a request without a party, without any field time, naming a field that is no party
     * field key, or dated later than {@code now} plus the allowed skew.
     */
    public static void validate(PartySyncDTO request, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        if (request == null || request.party == null) {
            throw new ValidationException(List.of(FieldError.required("party")));
        }
        if (request.fieldModifiedAt == null || request.fieldModifiedAt.isEmpty()) {
            throw new ValidationException(List.of(new FieldError(TIMES, "required",
                    "name each field to take from the source with the time it changed there")));
        }
        request.fieldModifiedAt.forEach((field, at) -> {
            String name = TIMES + "." + field;
            if (field == null || field.length() > FieldMetaStore.MAX_FIELD || !PartyFields.isKey(field)) {
                errors.add(FieldError.invalid(name, "not a party field key (firstName, email[WORK], externalIds[erp], custom.<key>…)"));
            } else if (at == null) {
                errors.add(FieldError.required(name));
            } else if (at.isAfter(now.plus(MAX_AHEAD))) {
                errors.add(FieldError.invalid(name, "is in the future"));
            }
        });
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    /**
     * Merges the fields the request names into {@code base} (a copy of {@code stored}).
     *
     * @param meta the stored field dates by key
     * @param undated what a field without a date is as old as ({@link FieldMetaStore#creation})
     * @param customKeys the defined custom fields: {@code custom.<key>} of another key is refused
     * @param ignored the sensitive fields of a caller who may not write them: left as stored
     */
    public static Merge merge(PartySyncDTO request, PartyDTO stored, PartyDTO base, String source, Map<String, FieldMetaDTO> meta,
            FieldStamp undated, ReferenceApplications references, Set<String> customKeys, Set<String> ignored) {
        List<FieldError> unknown = request.fieldModifiedAt.keySet().stream()
                .filter(field -> field.startsWith(PartyFields.CUSTOM) && !customKeys.contains(field.substring(PartyFields.CUSTOM.length())))
                .map(field -> FieldError.invalid(TIMES + "." + field, "no such custom field"))
                .toList();
        if (!unknown.isEmpty()) {
            throw new ValidationException(unknown);
        }
        Map<String, String> incoming = PartyFields.values(request.party);
        Map<String, String> current = PartyFields.values(stored);
        Map<String, FieldStamp> taken = new LinkedHashMap<>();
        request.fieldModifiedAt.forEach((field, at) -> {
            if (ignored.contains(field)) {
                return;
            }
            FieldMetaDTO dated = meta.get(field);
            FieldStamp storedStamp = dated == null ? undated : new FieldStamp(dated.modifiedAt, dated.source);
            FieldStamp change = new FieldStamp(Times.millis(at), source);
            if (FieldMerge.takes(incoming.get(field), current.get(field), change, storedStamp, references.of(field))) {
                PartyFields.copy(field, request.party, base);
                taken.put(field, change);
            }
        });
        return new Merge(base, taken);
    }

    /** The field keys of the sensitive fields: {@code birthDate} and {@code custom.<key>} of the sensitive custom fields. */
    public static Set<String> sensitiveKeys(SensitivePartyFields sensitive) {
        return sensitive.masked().stream()
                .map(field -> field.startsWith("customFields.") ? PartyFields.CUSTOM + field.substring("customFields.".length()) : field)
                .collect(Collectors.toSet());
    }
}
