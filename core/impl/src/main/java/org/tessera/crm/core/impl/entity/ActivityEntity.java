package org.tessera.crm.core.impl.entity;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.ElementCollection;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.MapKeyColumn;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;
import javax.persistence.Version;

@Entity
@Table(name = "activity")
public class ActivityEntity {
    @Id
    @SequenceGenerator(name = "activity_gen", sequenceName = "activity_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "activity_gen")
    public Long id;
    @Version
    public long version;
    @Column(name = "activity_type", nullable = false)
    public String type;
    public String subject;
    public String description;
    public String status;
    @Column(name = "due_at")
    @Convert(converter = InstantConverter.class)
    public Instant dueAt;
    @Column(name = "start_at")
    @Convert(converter = InstantConverter.class)
    public Instant startAt;
    @Column(name = "end_at")
    @Convert(converter = InstantConverter.class)
    public Instant endAt;
    /** coalesce(endAt, startAt, dueAt, createdAt): the timeline and search order, kept by the service. */
    @Column(name = "timeline_at", nullable = false)
    @Convert(converter = InstantConverter.class)
    public Instant timelineAt;
    @Column(name = "owner_id")
    public Long ownerId;
    @Column(name = "assignee_id")
    public Long assigneeId;
    public String channel;
    public String direction;
    public String outcome;
    @Column(name = "created_at")
    @Convert(converter = InstantConverter.class)
    public Instant createdAt;
    @Column(name = "updated_at")
    @Convert(converter = InstantConverter.class)
    public Instant updatedAt;

    @ElementCollection
    @CollectionTable(name = "activity_participant", joinColumns = @JoinColumn(name = "activity_id"))
    @Column(name = "party_id")
    public Set<Long> participants = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "activity_link", joinColumns = @JoinColumn(name = "activity_id"))
    @Column(name = "link")
    public Set<String> links = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "activity_external_id", joinColumns = @JoinColumn(name = "activity_id"))
    @MapKeyColumn(name = "source")
    @Column(name = "external_id")
    public Map<String, String> externalIds = new HashMap<>();
}
