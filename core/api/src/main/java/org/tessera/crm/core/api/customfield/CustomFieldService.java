package org.tessera.crm.core.api.customfield;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.tessera.crm.core.api.ConflictException;
import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.core.api.ValidationException;

/**
 * Custom field definitions and picklists, and the validation of custom values. Modules use it
 * for their own entity types: they define fields at activation and validate values with
 * {@link #normalize} before storing them.
 */
@ProviderType
public interface CustomFieldService {

    /**
     * Defines a field.
     *
     * @throws ValidationException when the definition is invalid
     * @throws ConflictException when the key is already defined for the entity type
     */
    CustomFieldDefinitionDTO define(CustomFieldDefinitionDTO definition);

    /** Defines the field unless one with the same entity type and key exists; returns the stored one. */
    CustomFieldDefinitionDTO defineIfAbsent(CustomFieldDefinitionDTO definition);

    /** Definitions of an entity type, or of all types when {@code entityType} is null. */
    List<CustomFieldDefinitionDTO> definitions(String entityType);

    Optional<CustomFieldDefinitionDTO> definition(String entityType, String key);

    /**
     * Checks custom values against the definitions of {@code entityType} and converts them to
     * their canonical Java types (String, Long, BigDecimal, LocalDate, Boolean). Unknown keys,
     * values of the wrong type, codes outside their picklist and (unless {@code partial}) missing
     * required fields are reported as {@link FieldError}s named {@code customFields.<key>}.
     *
     * @throws ValidationException listing every offending field
     */
    Map<String, Object> normalize(String entityType, Map<String, Object> values, boolean partial);

    /**
     * Creates a picklist.
     *
     * @throws ConflictException when the key is taken
     */
    PicklistDTO createPicklist(PicklistDTO picklist);

    /** Adds the values of {@code picklist} that the stored one lacks, creating it if needed. */
    PicklistDTO mergePicklist(PicklistDTO picklist);

    Optional<PicklistDTO> picklist(String key);

    List<PicklistDTO> picklists();

    /** Whether {@code code} is an active value of the picklist {@code key}. */
    boolean isActiveValue(String key, String code);
}
