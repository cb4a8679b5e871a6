package org.tessera.crm.service.impl.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** A request type with its numbering sequence; the next number is taken with a guarded UPDATE. */
@Entity
@Table(name = "service_request_type")
public class RequestTypeEntity {
    @Id
    public String code;
    @Version
    public long version;
    public String name;
    public String prefix;
    public int width;
    @Column(name = "next_number")
    public long nextNumber;
}
