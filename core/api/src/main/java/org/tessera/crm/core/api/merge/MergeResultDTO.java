package org.tessera.crm.core.api.merge;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A merge as logged (or, for a dry run, as it would be). */
public class MergeResultDTO {
    /** {@code null} for a dry run. */
    public String id;
    public String survivorId;
    public List<String> victimIds = new ArrayList<>();
    public boolean dryRun;
    /** Per survivor field that changed, the id of the party its value came from. */
    public Map<String, String> fieldSources = new LinkedHashMap<>();
    /** Per module (the core first), what moved and what stayed. */
    public List<ModuleMergeDTO> modules = new ArrayList<>();
    public Instant mergedAt;
    public String mergedBy;
    /** Until when the merge may be undone. */
    public Instant undoableUntil;
    public Instant undoneAt;
    public String undoneBy;
}
