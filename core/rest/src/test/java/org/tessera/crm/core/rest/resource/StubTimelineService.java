package org.tessera.crm.core.rest.resource;

import java.util.List;

import org.tessera.crm.core.api.Page;
import org.tessera.crm.core.api.timeline.TimelineEntryDTO;
import org.tessera.crm.core.api.timeline.TimelineService;
import org.tessera.crm.core.api.timeline.TimelineSourceDTO;

/** A timeline of fixed entries; remembers the filter it was last asked for. */
class StubTimelineService implements TimelineService {
    private final List<TimelineEntryDTO> entries;
    volatile String lastModule;
    volatile String lastKind;

    StubTimelineService(List<TimelineEntryDTO> entries) {
        this.entries = entries;
    }

    @Override
    public Page<TimelineEntryDTO> timeline(String partyId, String cursor, int limit) {
        return timeline(partyId, null, null, cursor, limit);
    }

    @Override
    public Page<TimelineEntryDTO> timeline(String partyId, String module, String kind, String cursor, int limit) {
        lastModule = module;
        lastKind = kind;
        return new Page<>(entries, null);
    }

    @Override
    public List<TimelineSourceDTO> sources() {
        return List.of();
    }
}
