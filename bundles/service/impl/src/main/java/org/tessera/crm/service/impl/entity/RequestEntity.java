package org.tessera.crm.service.impl.entity;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

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
import javax.persistence.MapKeyColumn;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;
import javax.persistence.Version;

import org.tessera.crm.core.kit.jpa.InstantConverter;

/** A service request row. Parties, agents and activities are core records, referenced by id only. */
@Entity
@Table(name = "service_request")
public class RequestEntity {
    @Id
    @SequenceGenerator(name = "service_request_gen", sequenceName = "service_request_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "service_request_gen")
    public Long id;
    @Version
    public long version;
    public String number;
    @Column(name = "external_id")
    public String externalId;
    @Column(name = "type_code")
    public String typeCode;
    public String summary;
    public String description;
    @Column(name = "party_id")
    public long partyId;
    @Column(name = "contact_id")
    public Long contactId;
    @Column(name = "customer_reference")
    public String customerReference;
    public String origin;
    public String reason;
    public String product;
    @Column(name = "product_link")
    public String productLink;
    public String priority;
    public String severity;
    public String status;
    @Column(name = "status_category")
    public String statusCategory;
    @Column(name = "parent_id")
    public Long parentId;
    @Column(name = "owner_id")
    public Long ownerId;
    @Column(name = "queue_id")
    public Long queueId;
    public String resolution;
    @Column(name = "template_code")
    public String templateCode;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "service_request_custom_value", joinColumns = @JoinColumn(name = "request_id"))
    @MapKeyColumn(name = "field_key")
    @Column(name = "field_value")
    public Map<String, String> customValues = new HashMap<>();
    @Column(name = "closed_at")
    @Convert(converter = InstantConverter.class)
    public Instant closedAt;
    @Column(name = "created_at")
    @Convert(converter = InstantConverter.class)
    public Instant createdAt;
    @Column(name = "updated_at")
    @Convert(converter = InstantConverter.class)
    public Instant updatedAt;
}
