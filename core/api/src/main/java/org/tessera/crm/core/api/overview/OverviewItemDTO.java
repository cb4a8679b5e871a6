package org.tessera.crm.core.api.overview;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One record shown in an overview section: an opportunity, a quote, a vehicle, an activity, a
 * contact mechanism. The optional fields are set when they mean something for the record.
 */
public class OverviewItemDTO {
    /** Unique in the overview: {@code <module>:<type>:<record id>}, such as {@code sales:opportunity:42}. */
    public String id;
    /** Kind of record: {@code OPPORTUNITY}, {@code QUOTE}, {@code ACTIVITY}… */
    public String type;
    public String title;
    public String subtitle;
    /** Status of the record, if it has one. */
    public String status;
    /** The instant that matters for it (due, done, created), if any. */
    public Instant at;
    /** The day that matters for it (expected close, valid until, purchase), if any. */
    public LocalDate date;
    /** The amount that matters for it, if any, in {@link #currency}. */
    public BigDecimal amount;
    /** ISO 4217 code of {@link #amount}. */
    public String currency;
    /**
     * For a relationship: {@code OUTGOING} when the party of the overview is its "from" side (it is
     * {@link #type} of the other party: EMPLOYEE_OF), {@code INCOMING} when the other party is.
     * Lets a client word the relationship in its own language from {@link #type}.
     */
    public String direction;
    /** API path of the record, relative to {@code /v1}, such as {@code /sales/opportunities/42}. */
    public String href;
}
