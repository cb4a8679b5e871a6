package org.tessera.crm.core.api.spi;

import java.util.ArrayList;
import java.util.List;

/** A fact about a party that a module contributes to party selections, with its typed parameters. */
public class PartyFactDTO {
    /** {@code <module>.<fact>}, such as {@code sales.openOpportunity}. */
    public String name;
    /** For a person, in English: {@code Has an open opportunity}. */
    public String label;
    public List<PartyFactParameterDTO> parameters = new ArrayList<>();

    public PartyFactDTO() {
    }

    public PartyFactDTO(String name, String label, List<PartyFactParameterDTO> parameters) {
        this.name = name;
        this.label = label;
        this.parameters = new ArrayList<>(parameters);
    }
}
