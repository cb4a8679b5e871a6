package org.tessera.crm.service.api.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Business time: weekly opening hours in a time zone, minus holidays. Hours are wall-clock times
 * of the zone, so a day of 09:00–17:00 is eight hours of business time on either side of a DST
 * change; a window that a DST change cuts short (01:00–04:00 on a spring-forward night) counts
 * only the time that really passes. Immutable and thread-safe.
 */
public final class BusinessCalendar {
    /** How far ahead a computation looks for business time before it gives up (a calendar without hours). */
    private static final int MAX_DAYS = 3 * 366;

    private final ZoneId zone;
    private final Map<DayOfWeek, List<Window>> hours;
    private final Set<LocalDate> holidays;

    /** Opening hours of one day, {@code to} after {@code from}; {@code to} of {@link LocalTime#MIDNIGHT} means the end of the day. */
    public record Window(LocalTime from, LocalTime to) {
        public Window {
            if (!to.equals(LocalTime.MIDNIGHT) && !to.isAfter(from)) {
                throw new IllegalArgumentException("a window ends after it starts: " + from + "-" + to);
            }
        }

        /** Parses {@code 09:00-17:30}; {@code 24:00} ends the day. */
        public static Window parse(String text) {
            String[] parts = text.trim().split("-");
            if (parts.length != 2) {
                throw new IllegalArgumentException("expected HH:MM-HH:MM: " + text);
            }
            LocalTime to = "24:00".equals(parts[1].trim()) ? LocalTime.MIDNIGHT : LocalTime.parse(parts[1].trim());
            return new Window(LocalTime.parse(parts[0].trim()), to);
        }
    }

    public BusinessCalendar(ZoneId zone, Map<DayOfWeek, List<Window>> hours, Set<LocalDate> holidays) {
        this.zone = zone;
        EnumMap<DayOfWeek, List<Window>> copy = new EnumMap<>(DayOfWeek.class);
        hours.forEach((day, windows) -> {
            List<Window> sorted = new ArrayList<>(windows);
            sorted.sort((a, b) -> a.from().compareTo(b.from()));
            copy.put(day, List.copyOf(sorted));
        });
        this.hours = Collections.unmodifiableMap(copy);
        this.holidays = Set.copyOf(holidays);
    }

    /** Every hour of every day: elapsed time and business time are the same. */
    public static BusinessCalendar always(ZoneId zone) {
        EnumMap<DayOfWeek, List<Window>> all = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            all.put(day, List.of(new Window(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)));
        }
        return new BusinessCalendar(zone, all, Set.of());
    }

    public ZoneId zone() {
        return zone;
    }

    /**
     * The instant at which {@code amount} of business time has passed since {@code start}. A zero
     * amount gives {@code start} itself, even outside business hours.
     *
     * @throws IllegalStateException when the calendar has no business time within three years
     */
    public Instant add(Instant start, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("negative business time: " + amount);
        }
        if (amount.isZero()) {
            return start;
        }
        Duration remaining = amount;
        LocalDate day = start.atZone(zone).toLocalDate();
        for (int i = 0; i < MAX_DAYS; i++, day = day.plusDays(1)) {
            for (Instant[] window : windowsOf(day)) {
                Instant from = window[0].isBefore(start) ? start : window[0];
                if (!window[1].isAfter(from)) {
                    continue;
                }
                Duration open = Duration.between(from, window[1]);
                if (open.compareTo(remaining) >= 0) {
                    return from.plus(remaining);
                }
                remaining = remaining.minus(open);
            }
        }
        throw new IllegalStateException("no business time within " + MAX_DAYS + " days");
    }

    /** Business minutes as {@link #add(Instant, Duration)}. */
    public Instant addMinutes(Instant start, long minutes) {
        return add(start, Duration.ofMinutes(minutes));
    }

    /** The business time between two instants; zero when {@code to} is not after {@code from}. */
    public Duration between(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        Duration total = Duration.ZERO;
        LocalDate last = to.atZone(zone).toLocalDate();
        for (LocalDate day = from.atZone(zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            for (Instant[] window : windowsOf(day)) {
                Instant start = window[0].isBefore(from) ? from : window[0];
                Instant end = window[1].isAfter(to) ? to : window[1];
                if (end.isAfter(start)) {
                    total = total.plus(Duration.between(start, end));
                }
            }
        }
        return total;
    }

    /** Whether {@code instant} falls in business hours. */
    public boolean isOpen(Instant instant) {
        for (Instant[] window : windowsOf(instant.atZone(zone).toLocalDate())) {
            if (!instant.isBefore(window[0]) && instant.isBefore(window[1])) {
                return true;
            }
        }
        return false;
    }

    /** The day's windows as instants; a wall-clock time that a DST gap skips moves forward, as {@link ZonedDateTime#of} does. */
    private List<Instant[]> windowsOf(LocalDate day) {
        if (holidays.contains(day)) {
            return List.of();
        }
        List<Window> windows = hours.getOrDefault(day.getDayOfWeek(), List.of());
        List<Instant[]> instants = new ArrayList<>(windows.size());
        for (Window window : windows) {
            Instant from = ZonedDateTime.of(day, window.from(), zone).toInstant();
            Instant to = window.to().equals(LocalTime.MIDNIGHT)
                    ? day.plusDays(1).atStartOfDay(zone).toInstant()
                    : ZonedDateTime.of(day, window.to(), zone).toInstant();
            instants.add(new Instant[] {from, to});
        }
        return instants;
    }
}
