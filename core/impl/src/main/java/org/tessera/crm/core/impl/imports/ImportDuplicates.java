package org.tessera.crm.core.impl.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.persistence.EntityManager;

import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.core.api.duplicate.DuplicateAction;
import org.tessera.crm.core.api.imports.DuplicateRow;
import org.tessera.crm.core.api.imports.ImportReport;
import org.tessera.crm.core.api.imports.RejectedRow;
import org.tessera.crm.core.api.party.PartyDTO;
import org.tessera.crm.core.impl.duplicate.DuplicateMatch;
import org.tessera.crm.core.impl.duplicate.DuplicateSession;
import org.tessera.crm.core.impl.duplicate.PartyDuplicates;

/**
 * The duplicate rules applied to one import: a row matching a blocking rule, or a warning rule when
 * duplicates are not allowed, is rejected naming the candidates; a row written although it matches
 * a warning rule is flagged. Both are noted by line (a chunk replayed row by row notes them again)
 * and put into the report at the end. Candidates outside the caller's perimeter are not named.
 */
final class ImportDuplicates {
    private final PartyDuplicates detection;
    private final boolean allowDuplicates;
    private final Optional<Set<Long>> visibleUnits;
    private final Map<Long, List<String>> rejected = new ConcurrentHashMap<>();
    private final Map<Long, DuplicateRow> flagged = new ConcurrentHashMap<>();

    /** @param detection {@code null} where a test builds the importer without duplicate detection */
    ImportDuplicates(PartyDuplicates detection, boolean allowDuplicates, Optional<Set<Long>> visibleUnits) {
        this.detection = detection;
        this.allowDuplicates = allowDuplicates;
        this.visibleUnits = visibleUnits;
    }

    /** The session of a chunk's transaction; empty without detection. */
    Optional<DuplicateSession> session(EntityManager em) {
        return detection == null ? Optional.empty() : Optional.of(detection.session(em));
    }

    /** The reasons to reject the row, or empty when it may be written. */
    Optional<List<FieldError>> refusal(long line, List<DuplicateMatch> matches) {
        boolean blocked = matches.stream().anyMatch(m -> m.action() == DuplicateAction.BLOCK);
        if (matches.isEmpty() || (allowDuplicates && !blocked)) {
            return Optional.empty();
        }
        List<String> ids = visibleIds(matches);
        boolean hidden = ids.size() < matches.size();
        String rule = matches.get(0).rule();
        String message = (blocked ? "blocked as a duplicate" : "a likely duplicate") + (ids.isEmpty() ? "" : " of " + String.join(", ", ids))
                + (hidden ? (ids.isEmpty() ? "" : ";") + " a duplicate exists outside your perimeter" : "") + " (rule " + rule + ")"
                + (blocked ? "" : "; import with allowDuplicates=true to write it");
        rejected.put(line, ids);
        return Optional.of(List.of(new FieldError("duplicateOf", blocked ? "duplicate-blocked" : "duplicate", message)));
    }

    /** Notes a row written although it matches warning rules. */
    void written(long line, String recordId, List<DuplicateMatch> matches) {
        rejected.remove(line);
        if (!matches.isEmpty()) {
            flagged.put(line, new DuplicateRow(line, recordId, visibleIds(matches)));
        }
    }

    /** Names the candidates of rejected rows and lists the flagged ones. */
    void report(ImportReport report) {
        for (RejectedRow row : report.errors) {
            List<String> ids = rejected.get(row.line);
            if (ids != null) {
                row.duplicateOf = new ArrayList<>(ids);
            }
            flagged.remove(row.line);
        }
        flagged.values().stream().sorted((a, b) -> Long.compare(a.line, b.line)).forEach(report.duplicates::add);
    }

    private List<String> visibleIds(List<DuplicateMatch> matches) {
        return matches.stream().filter(m -> DuplicateSession.visible(m, visibleUnits)).map(DuplicateMatch::partyId).toList();
    }

    /** A stored party's, or an earlier row's, id: the party a row writes over, never its own duplicate. */
    static String selfId(PartyDTO previous, PartyDTO earlier) {
        if (previous != null) {
            return previous.id;
        }
        return earlier == null ? null : earlier.id;
    }
}
