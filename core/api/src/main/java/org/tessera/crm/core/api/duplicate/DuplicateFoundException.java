package org.tessera.crm.core.api.duplicate;

import java.util.List;

import org.tessera.crm.core.api.TesseraException;

/**
 * A create or update was refused because stored parties match a duplicate rule. HTTP 409 with the
 * candidates. When {@link #blocked()} is false, repeating the write with {@code allowDuplicates}
 * performs it; a blocking rule cannot be overridden. Candidates outside the caller's perimeter are
 * not described, only counted in {@link #hiddenCandidates()}.
 */
public class DuplicateFoundException extends TesseraException {
    private static final long serialVersionUID = 1L;
    private final transient List<DuplicateCandidateDTO> candidates;
    private final int hiddenCandidates;
    private final boolean blocked;

    public DuplicateFoundException(List<DuplicateCandidateDTO> candidates, int hiddenCandidates, boolean blocked) {
        super(message(candidates, hiddenCandidates, blocked));
        this.candidates = List.copyOf(candidates);
        this.hiddenCandidates = hiddenCandidates;
        this.blocked = blocked;
    }

    /** The candidates the caller may see, best score first. */
    public List<DuplicateCandidateDTO> candidates() {
        return candidates;
    }

    /** How many candidates lie outside the caller's perimeter. */
    public int hiddenCandidates() {
        return hiddenCandidates;
    }

    /** A blocking rule matched: the write cannot be confirmed. */
    public boolean blocked() {
        return blocked;
    }

    private static String message(List<DuplicateCandidateDTO> candidates, int hidden, boolean blocked) {
        StringBuilder text = new StringBuilder(blocked ? "a duplicate rule blocks this party" : "this party looks like a duplicate");
        if (!candidates.isEmpty()) {
            text.append(" of ").append(String.join(", ", candidates.stream().map(c -> c.id).toList()));
        }
        if (hidden > 0) {
            text.append(candidates.isEmpty() ? ": " : "; ").append("a duplicate exists outside your perimeter");
        }
        if (!blocked) {
            text.append("; repeat with allowDuplicates=true to confirm");
        }
        return text.toString();
    }
}
