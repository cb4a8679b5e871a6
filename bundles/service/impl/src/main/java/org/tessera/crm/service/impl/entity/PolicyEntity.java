package org.tessera.crm.service.impl.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Lob;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;

/** One version of an SLA policy; never changed once written but for {@code current}. */
@Entity
@Table(name = "sla_policy")
public class PolicyEntity {
    @Id
    @SequenceGenerator(name = "sla_policy_gen", sequenceName = "sla_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sla_policy_gen")
    public Long id;
    public String code;
    @Column(name = "policy_version")
    public int policyVersion;
    @Column(name = "is_current")
    public boolean current;
    @Column(name = "subject_type")
    public String subjectType;
    public int position;
    @Lob
    public String body;
}
