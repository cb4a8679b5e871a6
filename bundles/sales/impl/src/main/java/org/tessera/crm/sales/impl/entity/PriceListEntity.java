package org.tessera.crm.sales.impl.entity;

import java.util.ArrayList;
import java.util.List;

import javax.persistence.CollectionTable;
import javax.persistence.ElementCollection;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.OrderColumn;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;
import javax.persistence.Version;

@Entity
@Table(name = "sales_price_list")
public class PriceListEntity {
    @Id
    @SequenceGenerator(name = "sales_price_list_gen", sequenceName = "sales_price_list_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sales_price_list_gen")
    public Long id;
    @Version
    public long version;
    public String name;
    public String currency;
    public boolean active;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "sales_price_entry", joinColumns = @JoinColumn(name = "price_list_id"))
    @OrderColumn(name = "seq_no")
    public List<PriceEntryValue> entries = new ArrayList<>();
}
