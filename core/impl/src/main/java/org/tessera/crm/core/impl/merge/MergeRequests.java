package org.tessera.crm.core.impl.merge;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.tessera.crm.core.api.EntityTypes;
import org.tessera.crm.core.api.NotFoundException;
import org.tessera.crm.core.api.merge.MergeRequestDTO;
import org.tessera.crm.core.kit.FieldErrors;
import org.tessera.crm.core.kit.Ids;

/** The checks of a merge request that need no database: the survivor's id, the victims, the choices' shape. */
final class MergeRequests {
    private MergeRequests() {
    }

    /** A request whose ids are well formed, the victims distinct and other than the survivor. */
    record Checked(String survivor, List<String> victims) {
    }

    /**
     * @throws NotFoundException for a malformed survivor id (no such party can exist)
     * @throws org.tessera.crm.core.api.ValidationException naming {@code victims} or {@code victims[i]}
     */
    static Checked check(String survivorId, MergeRequestDTO request) {
        long survivor = Ids.of(EntityTypes.PARTY, survivorId);
        FieldErrors errors = new FieldErrors();
        if (request == null) {
            errors.required("victims", null).throwIfAny();
        }
        List<String> victims = request.victims == null ? List.of() : request.victims;
        if (victims.isEmpty()) {
            errors.invalid("victims", "name at least one party to merge into the survivor");
        } else if (victims.size() > MergeRequestDTO.MAX_VICTIMS) {
            errors.invalid("victims", "at most " + MergeRequestDTO.MAX_VICTIMS + " parties merge at once, not " + victims.size());
        }
        errors.throwIfAny();
        Set<Long> seen = new HashSet<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < victims.size(); i++) {
            String field = "victims[" + i + "]";
            Long victim = Ids.parse(victims.get(i)).orElse(null);
            if (victim == null) {
                errors.invalid(field, "not a party id");
            } else if (victim == survivor) {
                errors.invalid(field, "the survivor cannot be merged into itself");
            } else if (!seen.add(victim)) {
                errors.invalid(field, "named twice");
            } else {
                ids.add(Ids.format(victim));
            }
        }
        if (request.fields == null) {
            errors.invalid("fields", "must be an object (field name to party id)");
        }
        errors.throwIfAny();
        return new Checked(Ids.format(survivor), ids);
    }
}
