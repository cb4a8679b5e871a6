package org.tessera.crm.banking.api.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A condition declared as data. {@code type} names an evaluator ({@code lifeEvent.recent},
 * {@code account.hasProduct}…) or a composite ({@link #AND}, {@link #OR}, {@link #NOT}), whose
 * operands are {@link #conditions}; {@link #parameters} are the evaluator's, checked by it.
 */
public class ConditionDTO {
    public static final String AND = "and";
    public static final String OR = "or";
    public static final String NOT = "not";

    public String type;
    public Map<String, Object> parameters = new LinkedHashMap<>();
    public List<ConditionDTO> conditions = new ArrayList<>();

    public ConditionDTO() {
    }

    public ConditionDTO(String type, Map<String, Object> parameters) {
        this.type = type;
        this.parameters = new LinkedHashMap<>(parameters);
    }
}
