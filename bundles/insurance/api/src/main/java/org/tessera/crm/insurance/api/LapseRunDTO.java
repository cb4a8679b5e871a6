package org.tessera.crm.insurance.api;

import java.time.LocalDate;

/**
 * A lapse run: terms in force whose premiums are unpaid, or that expired unrenewed, more than
 * {@code graceDays} before {@code asOf} become {@code LAPSED}.
 */
public class LapseRunDTO {
    /** {@code null}: today. */
    public LocalDate asOf;
    public int graceDays = 30;
}
