package org.tessera.crm.core.impl.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;
import javax.persistence.Version;

@Entity
@Table(name = "agent")
public class AgentEntity {
    @Id
    @SequenceGenerator(name = "agent_gen", sequenceName = "agent_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "agent_gen")
    public Long id;
    @Version
    public long version;
    @Column(nullable = false)
    public String login;
    @Column(name = "display_name")
    public String displayName;
    public String email;
    @Column(name = "org_unit_id", nullable = false)
    public Long orgUnitId;
    public boolean active;
}
