package org.tessera.crm.service.impl.entity;

import java.util.ArrayList;
import java.util.List;

import javax.persistence.CollectionTable;
import javax.persistence.Column;
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

/** A queue and its members (agent ids, in order). */
@Entity
@Table(name = "service_queue")
public class QueueEntity {
    @Id
    @SequenceGenerator(name = "service_queue_gen", sequenceName = "service_config_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "service_queue_gen")
    public Long id;
    @Version
    public long version;
    public String code;
    public String name;
    public String distribution;
    @Column(name = "last_agent_id")
    public Long lastAgentId;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "service_queue_member", joinColumns = @JoinColumn(name = "queue_id"))
    @OrderColumn(name = "seq_no")
    @Column(name = "agent_id")
    public List<Long> members = new ArrayList<>();
}
