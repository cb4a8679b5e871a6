package org.tessera.crm.core.api.customfield;

import java.util.ArrayList;
import java.util.List;

/** A managed list of values (classifications, activity types, outcomes, a custom field's choices…). */
public class PicklistDTO {
    public String id;
    /** Unique key, for example {@code activity-outcome}. */
    public String key;
    public String label;
    public List<PicklistValueDTO> values = new ArrayList<>();
    public long version;
}
