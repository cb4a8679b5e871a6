package org.tessera.crm.banking.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A position of an investment account: {@code value} is {@code quantity × price} unless given. */
public class HoldingDTO {
    public String id;
    public String accountId;
    /** The instrument: an ISIN or a fund code. */
    public String instrument;
    public String instrumentName;
    public BigDecimal quantity;
    public BigDecimal price;
    public BigDecimal value;
    public LocalDate asOf;
    public long version;
}
