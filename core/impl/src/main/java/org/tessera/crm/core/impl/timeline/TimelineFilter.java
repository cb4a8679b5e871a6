package org.tessera.crm.core.impl.timeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.core.api.ValidationException;
import org.tessera.crm.core.api.timeline.TimelineSourceDTO;

/**
 * Which contributors a filtered timeline asks: those of the module, and of those the ones that
 * declare the kind (or declare none, and filter on {@code TimelineQuery.kinds} themselves). A
 * module or kind that no present contributor gives is refused, naming {@code module} or
 * {@code type} (the query parameters), rather than answered with an empty timeline.
 */
final class TimelineFilter {
    static final String MODULE_FIELD = "module";
    static final String KIND_FIELD = "type";
    /** A kind a contributor that declares none might give: an upper-case code. */
    private static final Pattern KIND = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

    private TimelineFilter() {
    }

    static List<TimelineServiceImpl.Contributor> contributorsFor(List<TimelineServiceImpl.Contributor> present, String module,
            String kind) {
        List<TimelineServiceImpl.Contributor> ofModule = present;
        if (module != null) {
            ofModule = present.stream().filter(contributor -> contributor.module().equals(module)).toList();
            if (ofModule.isEmpty()) {
                throw new ValidationException(FieldError.invalid(MODULE_FIELD,
                        "no installed module named " + module + " contributes to timelines; one of " + modules(present)));
            }
        }
        if (kind == null) {
            return ofModule;
        }
        List<TimelineServiceImpl.Contributor> asked = new ArrayList<>();
        boolean declared = false;
        for (TimelineServiceImpl.Contributor contributor : ofModule) {
            if (contributor.kinds().contains(kind)) {
                declared = true;
                asked.add(contributor);
            } else if (contributor.kinds().isEmpty()) {
                asked.add(contributor);
            }
        }
        if (!declared && (asked.isEmpty() || !KIND.matcher(kind).matches())) {
            throw new ValidationException(FieldError.invalid(KIND_FIELD, "unknown type of timeline entry "
                    + kind + (module == null ? "" : " for module " + module) + "; one of " + kinds(ofModule)));
        }
        return asked;
    }

    static List<TimelineSourceDTO> sources(List<TimelineServiceImpl.Contributor> present) {
        Map<String, Set<String>> kindsByModule = new TreeMap<>();
        for (TimelineServiceImpl.Contributor contributor : present) {
            kindsByModule.computeIfAbsent(contributor.module(), m -> new TreeSet<>()).addAll(contributor.kinds());
        }
        List<TimelineSourceDTO> sources = new ArrayList<>();
        kindsByModule.forEach((module, kinds) -> {
            TimelineSourceDTO source = new TimelineSourceDTO();
            source.module = module;
            source.kinds.addAll(kinds);
            sources.add(source);
        });
        return sources;
    }

    private static Set<String> modules(List<TimelineServiceImpl.Contributor> present) {
        Set<String> modules = new TreeSet<>();
        present.forEach(contributor -> modules.add(contributor.module()));
        return modules;
    }

    private static Set<String> kinds(List<TimelineServiceImpl.Contributor> contributors) {
        Set<String> kinds = new TreeSet<>();
        contributors.forEach(contributor -> kinds.addAll(contributor.kinds()));
        return kinds;
    }
}
