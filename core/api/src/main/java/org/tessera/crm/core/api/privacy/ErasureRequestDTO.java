package org.tessera.crm.core.api.privacy;

/** The body of {@code POST /v1/parties/{id}/erase}: {@code confirm} repeats the party's id. */
public class ErasureRequestDTO {
    public String confirm;
}
