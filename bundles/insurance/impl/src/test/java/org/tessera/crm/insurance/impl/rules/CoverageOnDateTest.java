package org.tessera.crm.insurance.impl.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tessera.crm.insurance.impl.entity.CoverageValue;
import org.tessera.crm.insurance.impl.entity.RevisionValue;

/** "What did the policy cover on date D" across endorsements. */
class CoverageOnDateTest {
    private final List<RevisionValue> revisions = List.of(revision(0, "2030-01-01"), revision(1, "2030-04-01"), revision(2, "2030-09-01"));
    private final List<CoverageValue> coverages = List.of(coverage(0, "FIRE", "1000", null, null), coverage(0, "WATER", "500", null, null),
            coverage(1, "FIRE", "2000", null, null), coverage(1, "WATER", "500", null, null), coverage(1, "GLASS", "300", "2030-05-01", "2030-06-01"),
            coverage(2, "FIRE", "2000", null, null));

    @Test
    void eachDateReadsTheRevisionInForceAndTheCoveragesEffectiveThen() {
        assertEquals(List.of("FIRE 1000", "WATER 500"), on("2030-03-31"));
        assertEquals(List.of("FIRE 2000", "WATER 500"), on("2030-04-01"));
        assertEquals(List.of("FIRE 2000", "WATER 500", "GLASS 300"), on("2030-05-15"));
        assertEquals(List.of("FIRE 2000", "WATER 500"), on("2030-06-01"));
        assertEquals(List.of("FIRE 2000"), on("2030-09-01"));
        assertTrue(Revisions.at(revisions, LocalDate.parse("2029-12-31")).isEmpty());
        assertEquals(3, Revisions.next(revisions));
    }

    @Test
    void twoEndorsementsOnOneDayLetTheLaterOneWin() {
        List<RevisionValue> sameDay = List.of(revision(0, "2030-01-01"), revision(1, "2030-04-01"), revision(2, "2030-04-01"));
        assertEquals(2, Revisions.at(sameDay, LocalDate.parse("2030-04-01")).orElseThrow().revision);
    }

    private List<String> on(String date) {
        LocalDate day = LocalDate.parse(date);
        int revision = Revisions.at(revisions, day).orElseThrow().revision;
        return Revisions.coveragesOn(coverages, revision, day).stream().map(c -> c.code + " " + c.limit.toPlainString()).toList();
    }

    private static RevisionValue revision(int number, String from) {
        RevisionValue r = new RevisionValue();
        r.revision = number;
        r.validFrom = LocalDate.parse(from);
        r.premium = BigDecimal.TEN;
        return r;
    }

    private static CoverageValue coverage(int revision, String code, String limit, String from, String to) {
        CoverageValue c = new CoverageValue();
        c.revision = revision;
        c.code = code;
        c.limit = new BigDecimal(limit);
        c.effectiveFrom = from == null ? null : LocalDate.parse(from);
        c.effectiveTo = to == null ? null : LocalDate.parse(to);
        return c;
    }
}
