package org.tessera.crm.core.api.duplicate;

/**
 * One field of a duplicate rule and how it is compared. Fields: {@code name}, {@code firstName},
 * {@code lastName}, {@code legalName}, {@code registrationNumber}, {@code birthDate},
 * {@code email}, {@code phone}, {@code postalAddress}, {@code postalCode}, {@code employer} (the
 * organizations a person is {@code EMPLOYEE_OF}) and {@code custom.<key>} (a custom field of
 * parties).
 */
public class MatchFieldDTO {
    public String field;
    public MatchMethod method;
    /** Required for {@link MatchMethod#FUZZY}, between 0 and 1; ignored otherwise. */
    public Double threshold;

    public MatchFieldDTO() {
    }

    public MatchFieldDTO(String field, MatchMethod method, Double threshold) {
        this.field = field;
        this.method = method;
        this.threshold = threshold;
    }
}
