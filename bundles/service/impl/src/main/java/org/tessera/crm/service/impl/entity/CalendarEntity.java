package org.tessera.crm.service.impl.entity;

import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Lob;
import javax.persistence.Table;
import javax.persistence.Version;

/** A business calendar, its definition as JSON. */
@Entity
@Table(name = "sla_calendar")
public class CalendarEntity {
    @Id
    public String code;
    @Version
    public long version;
    @Lob
    public String body;
}
