package org.tessera.crm.banking.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An asset or a liability a party declared outside its accounts: a property, a vehicle, a loan at
 * another lender… Counted in the party's household rollup as its accounts are.
 */
public class AssetDTO {
    public String id;
    public String partyId;
    public AssetKind kind;
    /** PROPERTY, VEHICLE, EXTERNAL_LOAN, OTHER… free code, at most 40 characters. */
    public String category;
    public String description;
    public BigDecimal value;
    public String currency;
    public LocalDate asOf;
    public long version;
}
