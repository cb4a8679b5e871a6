package org.tessera.crm.core.impl.security;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Role entries in their configuration form, {@code role=permission,permission; role=...}, parsed and
 * written back. {@value #EVERY_PERMISSION} stands for every permission declared now or later, and
 * {@code <module>.*} for every permission of a module.
 */
final class RoleGrants {
    static final String EVERY_PERMISSION = "*";

    private RoleGrants() {
    }

    static Map<String, Set<String>> parse(String entries) {
        Map<String, Set<String>> roles = new TreeMap<>();
        for (String entry : entries == null ? new String[0] : entries.split(";")) {
            int equals = entry.indexOf('=');
            if (equals <= 0) {
                continue;
            }
            Set<String> permissions = new TreeSet<>();
            Arrays.stream(entry.substring(equals + 1).split(",")).map(String::trim).filter(p -> !p.isEmpty())
                    .forEach(permissions::add);
            roles.put(entry.substring(0, equals).trim(), permissions);
        }
        return roles;
    }

    static String format(Map<String, Set<String>> roles) {
        return String.join("; ", roles.entrySet().stream().map(e -> e.getKey() + "=" + String.join(",", e.getValue())).toList());
    }

    /**
     * The declared permissions a grant gives: '*' gives all, {@code sales.*} those starting with
     * {@code sales.}, undeclared names nothing.
     */
    static Set<String> effective(Set<String> granted, Set<String> declared) {
        Set<String> effective = new TreeSet<>();
        for (String permission : declared) {
            if (granted.stream().anyMatch(grant -> matches(grant, permission))) {
                effective.add(permission);
            }
        }
        return effective;
    }

    static boolean matches(String grant, String permission) {
        if (EVERY_PERMISSION.equals(grant)) {
            return true;
        }
        if (grant.endsWith(".*")) {
            return permission.startsWith(grant.substring(0, grant.length() - 1));
        }
        return grant.equals(permission);
    }

    static Set<String> logins(String entries) {
        Set<String> logins = new LinkedHashSet<>();
        Arrays.stream(entries == null ? new String[0] : entries.split(",")).map(String::trim).filter(l -> !l.isEmpty())
                .forEach(logins::add);
        return logins;
    }
}
