package org.tessera.crm.core.impl.outbox;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.tessera.crm.core.api.event.ChangeFeed;
import org.tessera.crm.core.api.security.CorePermissions;

/**
 * Which feed types a caller may read. A core type needs its read permission; a module's type
 * {@code <module>.<entity>} needs {@code <module>.<entity>.read} when the module declares that
 * permission, else {@code <module>.read} when it declares that one; a type with neither is read
 * by nobody. The declared permissions are those of the registered permission providers, so a
 * module's types leave the feed with the module.
 */
public final class FeedPermissions {
    static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9]*(\\.[a-z][a-zA-Z0-9]*)?");
    private static final Map<String, String> CORE = Map.of(ChangeFeed.PARTY, CorePermissions.PARTY_READ,
            ChangeFeed.ACTIVITY, CorePermissions.ACTIVITY_READ);

    private final Map<String, Set<String>> declared;

    /** @param declared the declared permissions by module, as {@code RoleService.declaredPermissions()} */
    public FeedPermissions(Map<String, Set<String>> declared) {
        this.declared = declared;
    }

    /** Whether {@code type} is a type of the core or of an installed module. */
    public boolean known(String type) {
        if (!TYPE.matcher(type).matches()) {
            return false;
        }
        String module = FeedTypes.moduleOf(type);
        return module.equals(FeedTypes.CORE) ? CORE.containsKey(type) : declared.containsKey(module);
    }

    /** The permission that lets a caller read changes of {@code type}, or {@code null} when none does. */
    public String readPermission(String type) {
        String module = FeedTypes.moduleOf(type);
        if (module.equals(FeedTypes.CORE)) {
            return CORE.get(type);
        }
        Set<String> permissions = declared.getOrDefault(module, Set.of());
        if (permissions.contains(type + ".read")) {
            return type + ".read";
        }
        return permissions.contains(module + ".read") ? module + ".read" : null;
    }

    /**
     * What a caller holding the permissions {@code holds} accepts may read, as conditions on
     * {@code feed_type}: whole types, and module prefixes with the types of that module excluded.
     *
     * @param requested the types asked for; empty for every readable type
     * @param coreOnly only the core's types (a caller whose record scope is restricted: the feed cannot scope module records)
     */
    Readable readable(Set<String> requested, Predicate<String> holds, boolean coreOnly) {
        Set<String> types = new LinkedHashSet<>();
        List<ModulePrefix> prefixes = new ArrayList<>();
        if (!requested.isEmpty()) {
            for (String type : requested) {
                String permission = readPermission(type);
                if (permission != null && holds.test(permission) && (!coreOnly || CORE.containsKey(type))) {
                    types.add(type);
                }
            }
            return new Readable(types, prefixes);
        }
        CORE.forEach((type, permission) -> {
            if (holds.test(permission)) {
                types.add(type);
            }
        });
        if (coreOnly) {
            return new Readable(types, prefixes);
        }
        declared.forEach((module, permissions) -> {
            if (module.equals(FeedTypes.CORE)) {
                return;
            }
            Set<String> ownRead = new LinkedHashSet<>();
            for (String permission : permissions) {
                String[] parts = permission.split("\\.");
                if (parts.length == 3 && parts[0].equals(module) && parts[2].equals("read")) {
                    String type = module + "." + parts[1];
                    ownRead.add(type);
                    if (holds.test(permission)) {
                        types.add(type);
                    }
                }
            }
            if (permissions.contains(module + ".read") && holds.test(module + ".read")) {
                prefixes.add(new ModulePrefix(module, ownRead));
            }
        });
        return new Readable(types, prefixes);
    }

    /** Every change of {@code module} but those of the {@code excluded} types (which have their own permission). */
    record ModulePrefix(String module, Set<String> excluded) {
    }

    record Readable(Set<String> types, List<ModulePrefix> prefixes) {
        boolean none() {
            return types.isEmpty() && prefixes.isEmpty();
        }
    }
}
