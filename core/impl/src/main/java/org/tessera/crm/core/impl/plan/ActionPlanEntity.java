package org.tessera.crm.core.impl.plan;

import java.time.Instant;
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

import org.tessera.crm.core.impl.entity.InstantConverter;

/** A plan launched on a record: the activities it created, in step order. */
@Entity
@Table(name = "action_plan")
public class ActionPlanEntity {
    @Id
    @SequenceGenerator(name = "action_plan_gen", sequenceName = "action_plan_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "action_plan_gen")
    public Long id;
    @Version
    public long version;
    @Column(name = "template_code")
    public String templateCode;
    @Column(name = "record_link")
    public String recordLink;
    @Column(name = "party_id")
    public long partyId;
    @Column(name = "owner_id")
    public Long ownerId;
    public boolean cancelled;
    @Column(name = "launched_at")
    @Convert(converter = InstantConverter.class)
    public Instant launchedAt;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "action_plan_step", joinColumns = @JoinColumn(name = "plan_id"))
    @OrderColumn(name = "seq_no")
    @Column(name = "activity_id")
    public List<Long> activityIds = new ArrayList<>();
}
