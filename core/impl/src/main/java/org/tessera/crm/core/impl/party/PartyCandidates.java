package org.tessera.crm.core.impl.party;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.core.api.customfield.CustomFieldDefinitionDTO;
import org.tessera.crm.core.api.party.ContactMechanismDTO;
import org.tessera.crm.core.api.party.PartyDTO;
import org.tessera.crm.core.api.security.CallerContext;
import org.tessera.crm.core.api.security.CorePermissions;
import org.tessera.crm.core.api.security.RecordScope;
import org.tessera.crm.core.impl.customfield.CustomValueNormalizer;
import org.tessera.crm.core.impl.security.ScopedUnits;
import org.tessera.crm.core.impl.support.Lookups;
import org.tessera.crm.core.impl.validation.Candidate;
import org.tessera.crm.core.kit.FieldErrors;
import org.tessera.crm.core.kit.Ids;

/**
 * Builds the state a party write would store from what the client sent, the one way every party
 * write does it (the party service, one record at a time, and the party import, by the chunk):
 * a writable copy; the caller's default org unit; the sensitive fields (see
 * {@link SensitivePartyFields}) ignored for a caller without the permission; the core rules; the
 * caller's perimeter; the custom values, normalized. Every field error is collected.
 *
 * <p>It asks the database nothing itself: the lookups, the custom field definitions and the
 * caller's rights are given, so that an import asks once per chunk what a single write asks once
 * per record. What comes after it stays with the caller: uniqueness of external ids, then the
 * registered validators.
 */
public final class PartyCandidates {
    /**
     * The caller of a party write: whether they may write the sensitive fields, the org unit of
     * what they create when it names none, and their perimeter (empty when unrestricted).
     */
    public record Writer(boolean sensitiveAllowed, Optional<String> defaultOrgUnitId, Optional<Set<Long>> visibleUnits) {
        /** The current caller, their perimeter read once. */
        public static Writer of(CallerContext callers, RecordScope scope) {
            return new Writer(callers.permits(CorePermissions.PARTY_SENSITIVE), scope.defaultOrgUnitId(),
                    ScopedUnits.of(scope));
        }

        /** Whether a party of this org unit ({@code null}: of none) is in the caller's perimeter. */
        public boolean admits(String orgUnitId) {
            return visibleUnits.isEmpty() || Ids.parse(orgUnitId).map(visibleUnits.get()::contains).orElse(false);
        }
    }

    private final PartyRules rules;
    private final CustomValueNormalizer customValues;
    private final SensitivePartyFields sensitive;
    /** Required custom fields this caller may not write: an update keeps their stored values. */
    private final Set<String> requiredHidden;
    private final Writer writer;

    /**
     * @param today the date a birth date may not be after
     * @param definitions the party custom field definitions, by key
     */
    public PartyCandidates(Lookups lookups, LocalDate today, Map<String, CustomFieldDefinitionDTO> definitions,
            Writer writer) {
        this.rules = new PartyRules(lookups, today);
        this.customValues = new CustomValueNormalizer(definitions, lookups);
        this.sensitive = SensitivePartyFields.of(definitions.values());
        this.requiredHidden = writer.sensitiveAllowed() ? Set.of() : definitions.values().stream()
                .filter(definition -> definition.sensitive && definition.required)
                .map(definition -> definition.key).collect(Collectors.toUnmodifiableSet());
        this.writer = writer;
    }

    /** A new party: its contact mechanisms are new records, whatever ids the client sent. */
    public Candidate<PartyDTO> create(PartyDTO draft) {
        return build(draft, null, false);
    }

    /**
     * A new state of {@code stored}, as a client that read it sends it back: what it leaves out is
     * cleared (its org unit too), and the contact mechanism ids it sends must be the party's own.
     */
    public Candidate<PartyDTO> update(PartyDTO desired, PartyDTO stored) {
        return build(desired, stored, false);
    }

    /**
     * A row of an import, which describes a party as a create does whether it turns out to create
     * ({@code stored} is {@code null}) or to update {@code stored}, the party holding its external
     * ids: it needs an external id, the caller's default org unit applies to both, and its contact
     * mechanism ids are decided by the import (by type and value).
     */
    public Candidate<PartyDTO> imported(PartyDTO row, PartyDTO stored) {
        return build(row, stored, true);
    }

    /** The sensitive fields, to mask in the audit trail and to hide from a caller without the permission. */
    public SensitivePartyFields sensitiveFields() {
        return sensitive;
    }

    private Candidate<PartyDTO> build(PartyDTO incoming, PartyDTO stored, boolean imported) {
        PartyDTO candidate = PartyMapper.writableCopy(incoming);
        if (stored == null) {
            candidate.contactMechanisms = withoutIds(candidate.contactMechanisms);
        } else {
            candidate.id = stored.id;
        }
        if (candidate.orgUnitId == null && (stored == null || imported)) {
            candidate.orgUnitId = writer.defaultOrgUnitId().orElse(null);
        }
        if (!writer.sensitiveAllowed()) {
            // ignored, not refused: the caller can neither see nor change them
            if (stored == null) {
                sensitive.strip(candidate);
            } else {
                sensitive.keepStored(candidate, stored);
            }
        }
        FieldErrors errors = rules.check(candidate);
        // on update too: a stored party is in the perimeter, so an unchanged org unit always passes
        if (!writer.admits(candidate.orgUnitId)) {
            errors.invalid("orgUnitId", candidate.orgUnitId == null ? "an org unit is required" : "outside your perimeter");
        }
        if (stored != null && !imported) {
            checkMechanismIds(candidate, stored, errors);
        }
        if (imported && candidate.externalIds.isEmpty()) {
            errors.add(new FieldError("externalIds", "required",
                    "an imported party needs an external id, to be found again by the next import"));
        }
        candidate.customFields = customValues.normalize(candidate.customFields, false, errors,
                stored == null ? Set.of() : requiredHidden);
        return new Candidate<>(candidate, errors.list());
    }

    private static List<ContactMechanismDTO> withoutIds(List<ContactMechanismDTO> mechanisms) {
        List<ContactMechanismDTO> copies = new ArrayList<>(mechanisms.size());
        mechanisms.forEach(m -> copies.add(m == null ? null : PartyMapper.withoutId(m)));
        return copies;
    }

    /** Reports mechanism ids of {@code desired} that are not among the stored party's mechanisms. */
    private static void checkMechanismIds(PartyDTO desired, PartyDTO stored, FieldErrors errors) {
        Set<Long> own = new HashSet<>();
        stored.contactMechanisms.forEach(m -> Ids.parse(m.id).ifPresent(own::add));
        for (int i = 0; i < desired.contactMechanisms.size(); i++) {
            ContactMechanismDTO m = desired.contactMechanisms.get(i);
            if (m != null && m.id != null && !Ids.parse(m.id).map(own::contains).orElse(false)) {
                errors.invalid("contactMechanisms[" + i + "].id", "not a contact mechanism of this party");
            }
        }
    }
}
