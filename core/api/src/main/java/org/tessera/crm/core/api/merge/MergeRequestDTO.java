package org.tessera.crm.core.api.merge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The body of {@code POST /v1/parties/{survivor}/merge}. */
public class MergeRequestDTO {
    /** At most this many victims per merge. */
    public static final int MAX_VICTIMS = 50;

    /** The parties merged into the survivor (1 to {@value #MAX_VICTIMS}). */
    public List<String> victims = new ArrayList<>();
    /**
     * Survivorship: per party field (e.g. {@code lastName}), the id of the party (survivor or a
     * victim) whose value the survivor keeps. A field not named keeps the survivor's value, or the
     * first victim's value when the survivor has none.
     */
    public Map<String, String> fields = new LinkedHashMap<>();
    /** Answer what would move, change nothing. */
    public boolean dryRun;
}
