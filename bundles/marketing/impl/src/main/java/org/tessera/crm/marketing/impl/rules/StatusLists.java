package org.tessera.crm.marketing.impl.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.tessera.crm.core.kit.FieldErrors;
import org.tessera.crm.marketing.api.MemberStatusDTO;

/** A campaign's own ordered member statuses: the default set copied at creation, and the rules of a list. */
public final class StatusLists {
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,49}");

    private StatusLists() {
    }

    /** planned (default), sent, opened, responded, not interested, converted. */
    public static List<MemberStatusDTO> defaults() {
        List<MemberStatusDTO> list = new ArrayList<>();
        list.add(status("PLANNED", "Planned", false, true));
        list.add(status("SENT", "Sent", false, false));
        list.add(status("OPENED", "Opened", false, false));
        list.add(status("RESPONDED", "Responded", true, false));
        list.add(status("NOT_INTERESTED", "Not interested", true, false));
        list.add(status("CONVERTED", "Converted", true, false));
        for (int i = 0; i < list.size(); i++) {
            list.get(i).sortOrder = i;
        }
        return list;
    }

    /**
     * Checks a whole list as a client replaces it: codes well formed and unique, labels present,
     * exactly one default; every status {@code inUse} kept. Sort orders become the list order.
     */
    public static void check(List<MemberStatusDTO> statuses, Set<String> inUse, FieldErrors errors) {
        if (statuses == null || statuses.isEmpty()) {
            errors.invalid("statuses", "a campaign needs at least one status");
            return;
        }
        Set<String> codes = new HashSet<>();
        int defaults = 0;
        for (int i = 0; i < statuses.size(); i++) {
            MemberStatusDTO s = statuses.get(i);
            String at = "statuses[" + i + "]";
            if (s == null) {
                errors.required(at, null);
                continue;
            }
            s.code = s.code == null ? null : s.code.trim().toUpperCase(Locale.ROOT);
            s.label = s.label == null || s.label.isBlank() ? null : s.label.trim();
            if (s.code == null || !CODE.matcher(s.code).matches()) {
                errors.invalid(at + ".code", "must be an upper-case code of letters, digits and _ (at most 50)");
            } else if (!codes.add(s.code)) {
                errors.invalid(at + ".code", "appears twice");
            }
            errors.required(at + ".label", s.label).maxLength(at + ".label", s.label, 100);
            if (s.isDefault) {
                defaults++;
            }
            s.sortOrder = i;
        }
        if (defaults != 1) {
            errors.invalid("statuses", "exactly one status must be the default (found " + defaults + ")");
        }
        for (String used : inUse) {
            if (!codes.contains(used)) {
                errors.invalid("statuses", "status " + used + " has members and cannot be deleted");
            }
        }
    }

    private static MemberStatusDTO status(String code, String label, boolean responded, boolean isDefault) {
        MemberStatusDTO s = new MemberStatusDTO();
        s.code = code;
        s.label = label;
        s.responded = responded;
        s.isDefault = isDefault;
        return s;
    }
}
