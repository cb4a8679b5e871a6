package org.tessera.crm.sales.impl.entity;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.Convert;
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

import org.tessera.crm.core.kit.jpa.InstantConverter;

@Entity
@Table(name = "sales_quote")
public class QuoteEntity {
    @Id
    @SequenceGenerator(name = "sales_quote_gen", sequenceName = "sales_quote_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sales_quote_gen")
    public Long id;
    @Version
    public long version;
    @Column(name = "quote_number")
    public String number;
    @Column(name = "opportunity_id")
    public Long opportunityId;
    @Column(name = "account_id")
    public Long accountId;
    public String name;
    public String status;
    public String currency;
    @Column(name = "tax_rate", precision = 7, scale = 4)
    public BigDecimal taxRate;
    @Column(name = "valid_until")
    public LocalDate validUntil;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "sales_quote_line", joinColumns = @JoinColumn(name = "quote_id"))
    @OrderColumn(name = "seq_no")
    public List<LineItemValue> lines = new ArrayList<>();
    @Column(name = "created_at")
    @Convert(converter = InstantConverter.class)
    public Instant createdAt;
    @Column(name = "updated_at")
    @Convert(converter = InstantConverter.class)
    public Instant updatedAt;
}
