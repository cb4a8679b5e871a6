package org.tessera.crm.sales.api;

import java.time.Instant;

/** Something sold. {@link #code} is unique. */
public class ProductDTO {
    public String id;
    public String code;
    public String name;
    public String family;
    public String description;
    public Boolean active;
    public long version;
    public Instant createdAt;
    public Instant updatedAt;
}
