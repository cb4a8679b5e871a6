package org.tessera.crm.core.api.audit;

/** One changed field: its old and new value as text ({@code null} when absent, {@link #MASK} when sensitive). */
public class FieldChangeDTO {
    /** Stands for the value of a sensitive field. */
    public static final String MASK = "***";

    public String field;
    public String oldValue;
    public String newValue;

    public FieldChangeDTO() {
    }

    public FieldChangeDTO(String field, String oldValue, String newValue) {
        this.field = field;
        this.oldValue = oldValue;
        this.newValue = newValue;
    }
}
