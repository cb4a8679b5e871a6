package org.tessera.crm.service.impl.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Lob;
import javax.persistence.Table;
import javax.persistence.Version;

/** A piece of configuration read whole, as JSON: assignment rules, request and document templates, calendars. */
@Entity
@Table(name = "service_setting")
public class SettingEntity {
    @Id
    @Column(name = "setting_key")
    public String key;
    public String kind;
    @Version
    public long version;
    @Lob
    public String body;
}
