package org.tessera.crm.forecasting.api;

import java.math.BigDecimal;
import java.time.Instant;

import org.tessera.crm.forecasting.api.Category;

/**
 * A figure set by hand for one category of a position's forecast, replacing the computed one: by
 * the position's owner on their own forecast, or by a manager above on a subordinate's. A
 * manager's adjustment is seen by the manager and those above, never by the adjusted subordinate.
 * Adjustments stay when opportunities change and are carried into every later revision.
 */
public class AdjustmentDTO {
    public String id;
    /** The adjusted position. */
    public String positionId;
    public String periodId;
    public Category category;
    /** ISO 4217 code. */
    public String currency;
    /** The figure the category shows for this position, instead of the computed one. */
    public BigDecimal amount;
    /** Why, at most 255 characters. */
    public String note;
    /** Server-owned: the position of the author (the adjusted one for an owner adjustment). */
    public String authorPositionId;
    /** Server-owned. */
    public String authorLogin;
    /** Server-owned. */
    public Instant adjustedAt;
    public long version;
}
