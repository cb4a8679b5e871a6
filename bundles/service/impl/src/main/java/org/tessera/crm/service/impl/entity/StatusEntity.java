package org.tessera.crm.service.impl.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A configurable request status. */
@Entity
@Table(name = "service_status")
public class StatusEntity {
    @Id
    public String code;
    public String name;
    public String category;
    @Column(name = "pauses_sla")
    public boolean pausesSla;
    public int position;
}
