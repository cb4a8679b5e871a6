package org.tessera.crm.insurance.impl.entity;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.Embeddable;

import org.tessera.crm.core.kit.jpa.InstantConverter;

@Embeddable
public class RevisionValue {
    public int revision;
    @Column(name = "valid_from")
    public LocalDate validFrom;
    @Column(precision = 19, scale = 4)
    public BigDecimal premium;
    public String reason;
    @Column(name = "recorded_at")
    @Convert(converter = InstantConverter.class)
    public Instant recordedAt;
}
