package org.tessera.crm.core.impl.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tessera.crm.core.api.Page;
import org.tessera.crm.core.api.timeline.TimelineEntryDTO;
import org.tessera.crm.core.api.timeline.TimelineQuery;

class TimelineMergeTest {
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    private static TimelineEntryDTO entry(String id, long seconds) {
        TimelineEntryDTO e = new TimelineEntryDTO();
        e.id = id;
        e.occurredAt = T.plusSeconds(seconds);
        return e;
    }

    private static List<String> ids(Page<TimelineEntryDTO> page) {
        return page.items.stream().map(e -> e.id).toList();
    }

    @Test
    void mergesNewestFirstAndPagesWithACursor() {
        List<TimelineEntryDTO> core = List.of(entry("core:activity:9", 30), entry("core:activity:8", 10));
        List<TimelineEntryDTO> sales = List.of(entry("sales:opportunity:1", 20), entry("sales:opportunity:2", 10));
        TimelineQuery first = TimelineMerge.queryFor("1", null, 2);
        assertEquals(3, first.limit);
        Page<TimelineEntryDTO> page1 = TimelineMerge.page(first, List.of(core, sales), 2);
        assertEquals(List.of("core:activity:9", "sales:opportunity:1"), ids(page1));

        TimelineQuery second = TimelineMerge.queryFor("1", page1.nextCursor, 2);
        assertEquals(T.plusSeconds(20), second.beforeOccurredAt);
        assertEquals("sales:opportunity:1", second.beforeId);
        Page<TimelineEntryDTO> page2 = TimelineMerge.page(second, List.of(core, sales), 2);
        // same instant: entry id descending
        assertEquals(List.of("sales:opportunity:2", "core:activity:8"), ids(page2));
        assertNull(page2.nextCursor);
    }
}
