package org.tessera.crm.sales.impl.entity;

import javax.persistence.Column;
import javax.persistence.Embeddable;

@Embeddable
public class StageValue {
    public String code;
    public String name;
    @Column(name = "sort_order")
    public int sortOrder;
    public int probability;
    @Column(name = "forecast_category")
    public String forecastCategory;
    @Column(name = "is_closed")
    public boolean closed;
    @Column(name = "is_won")
    public boolean won;
}
