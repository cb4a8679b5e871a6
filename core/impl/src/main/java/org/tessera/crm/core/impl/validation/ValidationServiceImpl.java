package org.tessera.crm.core.impl.validation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.core.api.ValidationException;
import org.tessera.crm.core.api.spi.ValidationService;
import org.tessera.crm.core.api.spi.Validator;

/**
 * Runs the {@link Validator}s registered for an entity type (service property
 * {@value Validator#ENTITY_TYPE}), highest {@code service.ranking} first, and reports all their
 * errors in one {@link ValidationException}. Validators come and go with their modules.
 */
@Component(service = ValidationService.class)
public class ValidationServiceImpl implements ValidationService {
    private record Registered(Validator validator, String entityType, int ranking) {
    }

    private final List<Registered> validators = new CopyOnWriteArrayList<>();

    @Reference(name = "validators", unbind = "removeValidator", cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void addValidator(Validator validator, Map<String, Object> properties) {
        Object type = properties.get(Validator.ENTITY_TYPE);
        Object ranking = properties.get(Constants.SERVICE_RANKING);
        validators.add(new Registered(validator, type == null ? null : type.toString(),
                ranking instanceof Integer r ? r : 0));
    }

    public void removeValidator(Validator validator) {
        validators.removeIf(r -> r.validator == validator);
    }

    @Override
    public void validate(String entityType, Object candidate, Object previous) {
        List<FieldError> errors = new ArrayList<>();
        validators.stream()
                .filter(r -> entityType.equals(r.entityType))
                .sorted(Comparator.comparingInt(Registered::ranking).reversed())
                .forEach(r -> errors.addAll(r.validator.validate(candidate, previous)));
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
