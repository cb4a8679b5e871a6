package ${package}.impl;

import org.tessera.crm.core.kit.FieldErrors;
import org.tessera.crm.core.kit.Ids;
import ${package}.api.${entity}DTO;

/** The field rules of a ${entityLabel}: every offending field is reported at once. */
final class ${entity}Rules {
    static final int NAME_LENGTH = 200;
    static final int DESCRIPTION_LENGTH = 2000;

    private ${entity}Rules() {
    }

    /** Trims the text fields, so that a name of blanks counts as missing. */
    static void normalize(${entity}DTO draft) {
        draft.name = draft.name == null ? null : draft.name.strip();
        draft.description = draft.description == null || draft.description.isBlank() ? null : draft.description.strip();
    }

    /** The errors of {@code draft}, and its party id when that is well formed. */
    static Long check(${entity}DTO draft, FieldErrors errors) {
        errors.required("name", draft.name).maxLength("name", draft.name, NAME_LENGTH)
                .maxLength("description", draft.description, DESCRIPTION_LENGTH)
                .required("partyId", draft.partyId);
        return Ids.reference("partyId", draft.partyId, errors);
    }
}
