package org.tessera.crm.core.api.security;

import java.util.Set;

/** The permissions the core checks, declared by the core's own {@link PermissionProvider}. */
public final class CorePermissions {
    public static final String PARTY_READ = "core.party.read";
    public static final String PARTY_WRITE = "core.party.write";
    /** See and write the sensitive fields of parties (birth date, custom fields marked sensitive). */
    public static final String PARTY_SENSITIVE = "core.party.sensitive";
    /** Export parties as a file ({@code GET /v1/parties:export}), besides reading them. */
    public static final String PARTY_EXPORT = "core.party.export";
    public static final String ACTIVITY_READ = "core.activity.read";
    public static final String ACTIVITY_WRITE = "core.activity.write";
    /** Export activities as a file ({@code GET /v1/activities:export}), besides reading them. */
    public static final String ACTIVITY_EXPORT = "core.activity.export";
    public static final String CUSTOM_FIELD_READ = "core.customfield.read";
    public static final String CUSTOM_FIELD_WRITE = "core.customfield.write";
    public static final String ORG_READ = "core.org.read";
    public static final String ORG_WRITE = "core.org.write";
    public static final String AUDIT_READ = "core.audit.read";
    /** Read the change feed; each change is still filtered by the read permission of its type and the record scope. */
    public static final String CHANGES_READ = "core.changes.read";
    /** Submit and follow import jobs ({@code /v1/import-jobs}); each job also needs its entity type's write permission. */
    public static final String IMPORT_JOBS = "core.import.jobs";
    /** Administer the duplicate rules of parties. */
    public static final String DUPLICATES_ADMIN = "core.duplicates.admin";
    /** Merge duplicate parties and undo a merge. */
    public static final String PARTY_MERGE = "core.party.merge";
    /** Administer webhook subscriptions, read their delivery log and replay deliveries. */
    public static final String WEBHOOKS_ADMIN = "core.webhooks.admin";
    /** Read everything the core and the modules hold about a person (the personal data export). */
    public static final String PARTY_PERSONAL_DATA = "core.party.personal-data";
    /** Erase (anonymize) a person everywhere; irreversible. */
    public static final String PARTY_ERASE = "core.party.erase";
    /** Set and clear a party's legal hold, which blocks its erasure. */
    public static final String PARTY_LEGAL_HOLD = "core.party.legal-hold";
    /** Manage roles, their permissions and disabled users. */
    public static final String SECURITY_ADMIN = "core.security.admin";
    /** See and change every record, whatever its org unit. */
    public static final String ALL_RECORDS = "all-records";

    /** Every permission above. */
    public static final Set<String> ALL = Set.of(PARTY_READ, PARTY_WRITE, PARTY_SENSITIVE, PARTY_EXPORT, ACTIVITY_READ,
            ACTIVITY_WRITE, ACTIVITY_EXPORT, CUSTOM_FIELD_READ, CUSTOM_FIELD_WRITE, ORG_READ, ORG_WRITE, AUDIT_READ, CHANGES_READ, IMPORT_JOBS, SECURITY_ADMIN,
            DUPLICATES_ADMIN, PARTY_MERGE, WEBHOOKS_ADMIN, PARTY_PERSONAL_DATA, PARTY_ERASE, PARTY_LEGAL_HOLD,
            ALL_RECORDS);

    private CorePermissions() {
    }
}
