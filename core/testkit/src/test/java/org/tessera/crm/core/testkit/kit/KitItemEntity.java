package org.tessera.crm.core.testkit.kit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.ElementCollection;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.Table;
import javax.persistence.Version;

/** A module's record as the kit's tests see it: limits declared only by the table, none by annotations. */
@Entity
@Table(name = "kit_item")
public class KitItemEntity {
    @Id
    public Long id;
    @Version
    public long version;
    public String code;
    public String name;
    public BigDecimal amount;
    @Column(name = "party_id")
    public Long partyId;
    @ElementCollection
    @CollectionTable(name = "kit_item_tag", joinColumns = @JoinColumn(name = "item_id"))
    @Column(name = "tag")
    public List<String> tags = new ArrayList<>();
}
