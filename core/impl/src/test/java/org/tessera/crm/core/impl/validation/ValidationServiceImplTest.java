package org.tessera.crm.core.impl.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.core.api.ValidationException;
import org.tessera.crm.core.api.spi.Validator;

class ValidationServiceImplTest {
    @Test
    void runsOnlyTheValidatorsOfTheEntityTypeAndCollectsAllErrors() {
        ValidationServiceImpl service = new ValidationServiceImpl();
        Validator birthDate = (candidate, previous) -> List.of(FieldError.required("birthDate"));
        Validator income = (candidate, previous) -> List.of(FieldError.invalid("customFields.income", "too low"));
        Validator other = (candidate, previous) -> List.of(FieldError.required("amount"));
        service.addValidator(birthDate, Map.of(Validator.ENTITY_TYPE, "PARTY"));
        service.addValidator(income, Map.of(Validator.ENTITY_TYPE, "PARTY", "service.ranking", 10));
        service.addValidator(other, Map.of(Validator.ENTITY_TYPE, "OPPORTUNITY"));

        ValidationException e = assertThrows(ValidationException.class, () -> service.validate("PARTY", "x", null));
        assertEquals(List.of("customFields.income", "birthDate"), e.errors().stream().map(f -> f.field).toList());

        service.removeValidator(birthDate);
        service.removeValidator(income);
        service.validate("PARTY", "x", null);
    }
}
