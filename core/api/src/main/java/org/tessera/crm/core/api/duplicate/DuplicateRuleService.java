package org.tessera.crm.core.api.duplicate;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Administers the duplicate rules. Every change is validated, audited and takes effect for the
 * next write; the matching keys of every party are rebuilt for the new rule set.
 */
@ProviderType
public interface DuplicateRuleService {

    /** Every rule, by key. */
    List<DuplicateRuleDTO> list();

    /** The rule with this key, if any. */
    Optional<DuplicateRuleDTO> find(String key);

    /**
     * Creates or replaces the rule {@code key}.
     *
     * @param expectedVersion the version the caller read, or {@code null} to skip the check
     * @throws org.tessera.crm.core.api.ValidationException naming the field: unknown field or method,
     *         a threshold outside 0..1, no exact or normalized field
     * @throws org.tessera.crm.core.api.StaleVersionException when the stored version differs
     */
    DuplicateRuleDTO put(String key, Long expectedVersion, DuplicateRuleDTO rule);

    /**
     * Deletes the rule {@code key}.
     *
     * @throws org.tessera.crm.core.api.NotFoundException when there is none
     */
    void delete(String key);
}
