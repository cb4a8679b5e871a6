package org.tessera.crm.core.impl.sync;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The reference application of each field: the system whose value of that field is the master.
 * Configured per field key ({@code reference.firstName=crm}, {@code reference.custom.loyalty=shop})
 * or per group ({@code reference.address=backoffice}: every {@code postal[…]} mechanism; the other
 * groups are {@code email}, {@code phone}, {@code web}, {@code name}, {@code custom},
 * {@code externalIds}); a field's own entry beats its group's.
 */
public final class ReferenceApplications {
    public static final String PREFIX = "reference.";
    public static final ReferenceApplications NONE = new ReferenceApplications(Map.of());

    private final Map<String, String> byFieldOrGroup;

    public ReferenceApplications(Map<String, String> byFieldOrGroup) {
        this.byFieldOrGroup = Map.copyOf(byFieldOrGroup);
    }

    /** The entries of a configuration whose keys start with {@value #PREFIX}; blank values are ignored. */
    public static ReferenceApplications fromConfiguration(Map<String, ?> properties) {
        Map<String, String> entries = new TreeMap<>();
        properties.forEach((key, value) -> {
            if (key.startsWith(PREFIX) && key.length() > PREFIX.length() && value != null && !value.toString().isBlank()) {
                entries.put(key.substring(PREFIX.length()), value.toString().strip());
            }
        });
        return new ReferenceApplications(entries);
    }

    /** The reference application of {@code field}, if one is configured for it or its group. */
    public Optional<String> of(String field) {
        String own = byFieldOrGroup.get(field);
        if (own != null) {
            return Optional.of(own);
        }
        String group = PartyFields.groupOf(field);
        return Optional.ofNullable(group == null ? null : byFieldOrGroup.get(group));
    }

    @Override
    public String toString() {
        return byFieldOrGroup.toString();
    }
}
