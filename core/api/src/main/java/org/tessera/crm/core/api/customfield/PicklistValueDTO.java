package org.tessera.crm.core.api.customfield;

/** One value of a picklist: a stable code and a label. Retired values stay, inactive. */
public class PicklistValueDTO {
    public String code;
    public String label;
    public boolean active = true;
    public int sortOrder;
}
