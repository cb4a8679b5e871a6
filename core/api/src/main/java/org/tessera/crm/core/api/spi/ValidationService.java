package org.tessera.crm.core.api.spi;

import org.osgi.annotation.versioning.ProviderType;
import org.tessera.crm.core.api.ValidationException;

/** Runs every registered {@link Validator} of an entity type; modules call it for their own types. */
@ProviderType
public interface ValidationService {

    /** @throws ValidationException with the errors of every validator of {@code entityType} */
    void validate(String entityType, Object candidate, Object previous);
}
