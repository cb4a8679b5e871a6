package org.tessera.crm.insurance.api;

import java.util.LinkedHashMap;
import java.util.Map;

/** An insured thing: a vehicle, a property…, described by its type and free fields (plate, address). */
public class InsuredAssetDTO {
    /** For example {@code VEHICLE}, {@code PROPERTY}. */
    public String type;
    public String description;
    /** Descriptive fields by name, such as {@code registration} or {@code address}. */
    public Map<String, String> fields = new LinkedHashMap<>();
}
