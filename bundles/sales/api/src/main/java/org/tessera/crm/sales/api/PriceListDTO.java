package org.tessera.crm.sales.api;

import java.util.ArrayList;
import java.util.List;

/** Prices of products in one currency. */
public class PriceListDTO {
    public String id;
    public String name;
    /** ISO 4217 code. */
    public String currency;
    public Boolean active;
    public List<PriceListEntryDTO> entries = new ArrayList<>();
    public long version;
}
