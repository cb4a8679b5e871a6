package org.tessera.crm.core.api.spi;

import org.tessera.crm.core.api.customfield.CustomFieldType;

/** One parameter of a {@link PartyFactDTO}: its name, its type (the custom fields' value types) and whether it is required. */
public class PartyFactParameterDTO {
    public String name;
    /** STRING, NUMBER, DECIMAL, DATE or BOOLEAN. */
    public CustomFieldType type;
    public boolean required;

    public PartyFactParameterDTO() {
    }

    public PartyFactParameterDTO(String name, CustomFieldType type, boolean required) {
        this.name = name;
        this.type = type;
        this.required = required;
    }
}
