package org.tessera.crm.insurance.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A dated change of a term's coverages or premium: from {@link #effectiveDate} on, the term has
 * {@link #coverages} (all of them, replacing the previous revision's) and {@link #premium}.
 */
public class EndorsementDTO {
    public LocalDate effectiveDate;
    public String reason;
    /** {@code null}: unchanged. */
    public BigDecimal premium;
    /** {@code null}: unchanged; else the whole list of coverages from that date. */
    public List<CoverageDTO> coverages = null;

    public EndorsementDTO() {
    }

    public EndorsementDTO(LocalDate effectiveDate, String reason, BigDecimal premium, List<CoverageDTO> coverages) {
        this.effectiveDate = effectiveDate;
        this.reason = reason;
        this.premium = premium;
        this.coverages = coverages == null ? null : new ArrayList<>(coverages);
    }
}
