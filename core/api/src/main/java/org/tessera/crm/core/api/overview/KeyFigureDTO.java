package org.tessera.crm.core.api.overview;

import java.math.BigDecimal;

/** A number that sums up part of a section: {@code 3} open opportunities, {@code 12500.00 EUR} in them. */
public class KeyFigureDTO {
    /** Machine key, unique within the section with {@link #unit}: {@code openCount}, {@code openAmount}. */
    public String key;
    /**
     * Label for a person, in English; a client that has a message for the figure (keyed on the
     * section's module and key and this {@link #key}) shows its own instead.
     */
    public String label;
    public BigDecimal value;
    /** Unit of the value: an ISO 4217 currency code for an amount, {@code null} for a count. */
    public String unit;

    public KeyFigureDTO() {
    }

    public KeyFigureDTO(String key, String label, BigDecimal value, String unit) {
        this.key = key;
        this.label = label;
        this.value = value;
        this.unit = unit;
    }

    /** A count. */
    public static KeyFigureDTO count(String key, String label, long count) {
        return new KeyFigureDTO(key, label, BigDecimal.valueOf(count), null);
    }
}
