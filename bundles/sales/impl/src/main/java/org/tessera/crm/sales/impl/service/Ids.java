package org.tessera.crm.sales.impl.service;

import org.tessera.crm.core.api.NotFoundException;
import org.tessera.crm.sales.impl.rules.Errors;

/** Ids are numbers in the database and opaque strings in the API. */
final class Ids {
    private Ids() {
    }

    /** The id of a record addressed by the caller; a malformed one cannot exist. */
    static long of(String entityType, String id) {
        Long value = parse(id);
        if (value == null) {
            throw new NotFoundException(entityType, id);
        }
        return value;
    }

    /** A reference held in a field of a written record; {@code null} (and an error) when malformed. */
    static Long reference(String field, String id, Errors errors) {
        if (id == null || id.isBlank()) {
            return null;
        }
        Long value = parse(id);
        if (value == null) {
            errors.invalid(field, "not an id");
        }
        return value;
    }

    static String text(Long id) {
        return id == null ? null : id.toString();
    }

    static Long parse(String id) {
        if (id == null || id.isEmpty() || id.length() > 18 || !id.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Long.valueOf(id);
    }
}
