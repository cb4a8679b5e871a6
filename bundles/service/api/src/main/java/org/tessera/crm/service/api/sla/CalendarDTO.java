package org.tessera.crm.service.api.sla;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A business calendar as stored: {@code zone} (e.g. Europe/Paris), weekly {@code hours} by day name
 * ({@code {"MONDAY": ["09:00-12:00", "13:00-17:00"]}}; a day left out is closed) and dated holidays.
 */
public class CalendarDTO {
    public String code;
    public String name;
    public String zone;
    public Map<String, List<String>> hours = new LinkedHashMap<>();
    public List<LocalDate> holidays = new ArrayList<>();
    public long version;
}
