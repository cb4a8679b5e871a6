package org.tessera.crm.core.api.spi;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;
import org.tessera.crm.core.api.FieldError;

/**
 * Whiteboard service: extra validation rules for an entity type, contributed by a module (a
 * banking pack can require a birth date for a customer). Register it with the service property
 * {@value #ENTITY_TYPE} naming the type it checks ({@code PARTY}, {@code ACTIVITY},
 * {@code OPPORTUNITY}…). It runs in the writing transaction, after the core's own checks.
 */
@ConsumerType
public interface Validator {
    /** Service property: the entity type this validator checks. */
    String ENTITY_TYPE = "tessera.entity.type";

    /**
     * Checks a record about to be written.
     *
     * @param candidate the new state (for the core, a {@code PartyDTO} or an {@code ActivityDTO})
     * @param previous the stored state before the change, {@code null} on create
     * @return the offending fields; empty when the record is acceptable
     */
    List<FieldError> validate(Object candidate, Object previous);
}
