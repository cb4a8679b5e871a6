package org.tessera.crm.service.impl.sla;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.tessera.crm.core.kit.FieldErrors;
import org.tessera.crm.service.api.sla.BusinessCalendar;
import org.tessera.crm.service.api.sla.CalendarDTO;

/** A stored calendar definition to a {@link BusinessCalendar}, checked field by field. */
public final class Calendars {
    private Calendars() {
    }

    /** Checks every field of {@code dto} (zone, day names, windows) into {@code errors}; returns the calendar when all are valid. */
    public static BusinessCalendar check(CalendarDTO dto, FieldErrors errors) {
        errors.required("code", dto.code).maxLength("code", dto.code, 40).required("zone", dto.zone);
        ZoneId zone = null;
        if (dto.zone != null) {
            try {
                zone = ZoneId.of(dto.zone);
            } catch (DateTimeException e) {
                errors.invalid("zone", "not a time zone id (e.g. Europe/Paris)");
            }
        }
        Map<DayOfWeek, List<BusinessCalendar.Window>> hours = new EnumMap<>(DayOfWeek.class);
        if (dto.hours != null) {
            dto.hours.forEach((day, windows) -> {
                DayOfWeek dayOfWeek;
                try {
                    dayOfWeek = DayOfWeek.valueOf(day.toUpperCase(java.util.Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    errors.invalid("hours." + day, "not a day name (MONDAY ... SUNDAY)");
                    return;
                }
                List<BusinessCalendar.Window> parsed = new ArrayList<>();
                for (int i = 0; windows != null && i < windows.size(); i++) {
                    try {
                        parsed.add(BusinessCalendar.Window.parse(windows.get(i)));
                    } catch (RuntimeException e) {
                        errors.invalid("hours." + day + "[" + i + "]", "expected HH:MM-HH:MM, ending after it starts");
                    }
                }
                hours.put(dayOfWeek, parsed);
            });
        }
        if (errors.isEmpty() && hours.values().stream().allMatch(List::isEmpty)) {
            errors.invalid("hours", "a calendar needs at least one opening window");
        }
        return errors.isEmpty() ? new BusinessCalendar(zone, hours, new HashSet<>(dto.holidays == null ? List.of() : dto.holidays)) : null;
    }

    public static BusinessCalendar of(CalendarDTO dto) {
        FieldErrors errors = new FieldErrors();
        BusinessCalendar calendar = check(dto, errors);
        errors.throwIfAny();
        return calendar;
    }
}
