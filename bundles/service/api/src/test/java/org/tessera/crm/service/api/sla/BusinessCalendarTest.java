package org.tessera.crm.service.api.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Business-time arithmetic: weekends, holidays, lunch breaks, DST in Paris and New York, round trips. */
class BusinessCalendarTest {
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    /** Monday to Friday 09:00–12:00 and 13:00–17:00 (7 h a day), Christmas and New Year off. */
    static BusinessCalendar office(ZoneId zone) {
        Map<DayOfWeek, List<BusinessCalendar.Window>> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            hours.put(day, List.of(BusinessCalendar.Window.parse("09:00-12:00"), BusinessCalendar.Window.parse("13:00-17:00")));
        }
        return new BusinessCalendar(zone, hours, Set.of(LocalDate.of(2026, 12, 25), LocalDate.of(2027, 1, 1)));
    }

    /** Every day 00:00–24:00: business time is elapsed time. */
    static BusinessCalendar nights(ZoneId zone) {
        Map<DayOfWeek, List<BusinessCalendar.Window>> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            hours.put(day, List.of(BusinessCalendar.Window.parse("01:00-04:00")));
        }
        return new BusinessCalendar(zone, hours, Set.of());
    }

    static Instant at(ZoneId zone, String local) {
        return ZonedDateTime.of(LocalDateTime.parse(local), zone).toInstant();
    }

    @ParameterizedTest(name = "{0} + {1} min = {2} (Paris office)")
    @CsvSource({
        // within one window
        "2026-11-30T09:00, 60, 2026-11-30T10:00",
        // across the lunch break
        "2026-11-30T11:30, 60, 2026-11-30T13:30",
        // from before opening
        "2026-11-30T07:00, 30, 2026-11-30T09:30",
        // from the lunch break
        "2026-11-30T12:15, 15, 2026-11-30T13:15",
        // a whole day (7 h) from the opening ends at the close
        "2026-11-30T09:00, 420, 2026-11-30T17:00",
        // one minute past a day runs over to the next morning
        "2026-11-30T09:00, 421, 2026-12-01T09:01",
        // Friday afternoon to Monday morning, over the weekend
        "2026-12-04T16:00, 120, 2026-12-07T10:00",
        // from Saturday
        "2026-12-05T10:00, 30, 2026-12-07T09:30",
        // from after the close on Friday
        "2026-12-04T18:00, 60, 2026-12-07T10:00",
        // Christmas (a Friday) is a holiday: Thursday evening to Monday
        "2026-12-24T16:30, 60, 2026-12-28T09:30",
        // New Year (a Friday) too, and the weekend after it
        "2026-12-31T16:00, 90, 2027-01-04T09:30",
        // a week of business time: five days of 7 h
        "2026-11-30T09:00, 2100, 2026-12-04T17:00",
    })
    void addsBusinessMinutes(String start, long minutes, String expected) {
        assertEquals(at(PARIS, expected), office(PARIS).addMinutes(at(PARIS, start), minutes));
    }

    @ParameterizedTest(name = "{0} .. {1} = {2} min (Paris office)")
    @CsvSource({
        "2026-11-30T09:00, 2026-11-30T10:00, 60",
        "2026-11-30T11:30, 2026-11-30T13:30, 60",
        "2026-11-30T08:00, 2026-11-30T18:00, 420",
        "2026-12-04T16:00, 2026-12-07T10:00, 120",
        "2026-12-05T00:00, 2026-12-06T23:59, 0",
        "2026-12-24T16:30, 2026-12-28T09:30, 60",
        "2026-11-30T10:00, 2026-11-30T09:00, 0",
    })
    void measuresBusinessTimeBetween(String from, String to, long minutes) {
        assertEquals(Duration.ofMinutes(minutes), office(PARIS).between(at(PARIS, from), at(PARIS, to)));
    }

    @Test
    void aDayOfOfficeHoursIsSevenHoursOnEitherSideOfTheParisChanges() {
        BusinessCalendar calendar = office(PARIS);
        // 29 March 2026: clocks go forward (a Sunday); Friday 27 to Monday 30
        assertEquals(at(PARIS, "2026-03-30T10:00"), calendar.addMinutes(at(PARIS, "2026-03-27T16:00"), 120));
        assertEquals(Duration.ofHours(7), calendar.between(at(PARIS, "2026-03-30T00:00"), at(PARIS, "2026-03-31T00:00")));
        // 25 October 2026: clocks go back (a Sunday); the Monday still has 7 business hours
        assertEquals(at(PARIS, "2026-10-26T10:00"), calendar.addMinutes(at(PARIS, "2026-10-23T16:00"), 120));
        assertEquals(Duration.ofHours(7), calendar.between(at(PARIS, "2026-10-26T00:00"), at(PARIS, "2026-10-27T00:00")));
        // the wall-clock opening is kept: 09:00 local before and after, i.e. 08:00 then 07:00 UTC in spring, 07:00 then 08:00 in autumn
        assertEquals(Instant.parse("2026-03-27T08:00:00Z"), calendar.addMinutes(at(PARIS, "2026-03-27T08:00"), 0).plusSeconds(0)
                .plus(Duration.ofHours(1)));
        assertEquals(Instant.parse("2026-03-30T07:01:00Z"), calendar.addMinutes(at(PARIS, "2026-03-27T17:00"), 1));
        assertEquals(Instant.parse("2026-10-26T08:01:00Z"), calendar.addMinutes(at(PARIS, "2026-10-23T17:00"), 1));
    }

    @Test
    void aNightWindowCutByTheSpringChangeCountsOnlyTheTimeThatPasses() {
        BusinessCalendar paris = nights(PARIS);
        // 29 March 2026, 02:00 does not exist in Paris: 01:00–04:00 is two real hours
        assertEquals(Duration.ofHours(2), paris.between(at(PARIS, "2026-03-29T00:00"), at(PARIS, "2026-03-29T12:00")));
        assertEquals(Duration.ofHours(3), paris.between(at(PARIS, "2026-03-28T00:00"), at(PARIS, "2026-03-28T12:00")));
        // 25 October 2026, 02:00–03:00 happens twice: 01:00–04:00 is four real hours
        assertEquals(Duration.ofHours(4), paris.between(at(PARIS, "2026-10-25T00:00"), at(PARIS, "2026-10-25T12:00")));
        // New York changes on 8 March and 1 November 2026
        BusinessCalendar newYork = nights(NEW_YORK);
        assertEquals(Duration.ofHours(2), newYork.between(at(NEW_YORK, "2026-03-08T00:00"), at(NEW_YORK, "2026-03-08T12:00")));
        assertEquals(Duration.ofHours(4), newYork.between(at(NEW_YORK, "2026-11-01T00:00"), at(NEW_YORK, "2026-11-01T12:00")));
        assertEquals(Duration.ofHours(3), newYork.between(at(NEW_YORK, "2026-03-28T00:00"), at(NEW_YORK, "2026-03-28T12:00")));
    }

    @Test
    void newYorkOfficeHoursFollowItsOwnChangesNotParis() {
        BusinessCalendar calendar = office(NEW_YORK);
        // between 8 March (US change) and 29 March (EU change) New York is 5 h behind Paris, not 6
        Instant opening = calendar.addMinutes(at(NEW_YORK, "2026-03-09T08:00"), 1);
        assertEquals(Instant.parse("2026-03-09T13:01:00Z"), opening);
        Instant winter = calendar.addMinutes(at(NEW_YORK, "2026-03-06T08:00"), 1);
        assertEquals(Instant.parse("2026-03-06T14:01:00Z"), winter);
        // over the November change weekend: Friday 16:00 + 2 h = Monday 10:00 local
        assertEquals(at(NEW_YORK, "2026-11-02T10:00"), calendar.addMinutes(at(NEW_YORK, "2026-10-30T16:00"), 120));
    }

    @Test
    void addAndBetweenAreInverse() {
        BusinessCalendar calendar = office(PARIS);
        Instant start = at(PARIS, "2026-03-25T10:17");
        for (long minutes = 0; minutes <= 6000; minutes += 37) {
            Instant end = calendar.addMinutes(start, minutes);
            assertEquals(Duration.ofMinutes(minutes), calendar.between(start, end), "after " + minutes + " minutes");
        }
        Instant autumn = at(NEW_YORK, "2026-10-29T11:00");
        BusinessCalendar ny = office(NEW_YORK);
        for (long minutes = 0; minutes <= 3000; minutes += 53) {
            assertEquals(Duration.ofMinutes(minutes), ny.between(autumn, ny.addMinutes(autumn, minutes)), "NY after " + minutes);
        }
    }

    @Test
    void pauseAndResumePushTheTargetBackByTheStoppedBusinessTime() {
        BusinessCalendar calendar = office(PARIS);
        Instant start = at(PARIS, "2026-12-03T10:00"); // Thursday
        long target = 8 * 60;
        assertEquals(at(PARIS, "2026-12-04T11:00"), calendar.addMinutes(start, target));
        // paused Thursday 15:00 to Friday 10:00: 2 h Thursday + 1 h Friday of business time stopped
        Duration stopped = calendar.between(at(PARIS, "2026-12-03T15:00"), at(PARIS, "2026-12-04T10:00"));
        assertEquals(Duration.ofHours(3), stopped);
        assertEquals(at(PARIS, "2026-12-04T15:00"), calendar.add(start, Duration.ofMinutes(target).plus(stopped)));
        // a pause over the weekend stops no business time
        assertEquals(Duration.ZERO, calendar.between(at(PARIS, "2026-12-05T09:00"), at(PARIS, "2026-12-06T18:00")));
    }

    @Test
    void edgeCases() {
        BusinessCalendar calendar = office(PARIS);
        Instant sunday = at(PARIS, "2026-12-06T10:00");
        assertEquals(sunday, calendar.addMinutes(sunday, 0), "zero is the start itself, even when closed");
        assertFalse(calendar.isOpen(sunday));
        assertTrue(calendar.isOpen(at(PARIS, "2026-12-07T09:00")));
        assertFalse(calendar.isOpen(at(PARIS, "2026-12-07T12:00")), "a window's end is not in it");
        assertThrows(IllegalArgumentException.class, () -> calendar.addMinutes(sunday, -1));
        assertThrows(IllegalStateException.class, () -> new BusinessCalendar(PARIS, Map.of(), Set.of()).addMinutes(sunday, 1));
        assertThrows(IllegalArgumentException.class, () -> BusinessCalendar.Window.parse("17:00-09:00"));
        assertThrows(RuntimeException.class, () -> BusinessCalendar.Window.parse("9h-17h"));
        BusinessCalendar always = BusinessCalendar.always(NEW_YORK);
        Instant t = Instant.parse("2026-11-01T04:00:00Z");
        assertEquals(t.plus(Duration.ofHours(30)), always.add(t, Duration.ofHours(30)), "always: business time is elapsed time");
    }
}
