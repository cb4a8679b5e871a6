package org.tessera.crm.insurance.impl.rules;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.tessera.crm.insurance.impl.entity.CoverageValue;
import org.tessera.crm.insurance.impl.entity.RevisionValue;

/**
 * "What did the term cover on date D": the revision in force on D is the latest one valid from D
 * or before (an endorsement replaces the coverages from its date on, the older revision stays as
 * history); its coverages are those effective on D.
 */
public final class Revisions {
    private Revisions() {
    }

    public static Optional<RevisionValue> at(List<RevisionValue> revisions, LocalDate date) {
        return revisions.stream().filter(r -> !r.validFrom.isAfter(date))
                .max(Comparator.comparing((RevisionValue r) -> r.validFrom).thenComparingInt(r -> r.revision));
    }

    public static List<CoverageValue> coveragesOf(List<CoverageValue> coverages, int revision) {
        return coverages.stream().filter(c -> c.revision == revision).toList();
    }

    public static List<CoverageValue> coveragesOn(List<CoverageValue> coverages, int revision, LocalDate date) {
        return coverages.stream().filter(c -> c.revision == revision)
                .filter(c -> Dated.covers(c.effectiveFrom, c.effectiveTo, date)).toList();
    }

    /** The next revision number. */
    public static int next(List<RevisionValue> revisions) {
        return revisions.stream().mapToInt(r -> r.revision).max().orElse(-1) + 1;
    }
}
