package org.tessera.crm.marketing.impl.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.core.api.NotFoundException;
import org.tessera.crm.core.api.Page;
import org.tessera.crm.core.api.ValidationException;
import org.tessera.crm.core.api.activity.ActivityDTO;
import org.tessera.crm.core.api.activity.ActivityService;
import org.tessera.crm.core.api.activity.ActivityStatus;
import org.tessera.crm.core.api.activity.Direction;
import org.tessera.crm.core.api.audit.AuditRecorder;
import org.tessera.crm.core.api.event.DomainEventPublisher;
import org.tessera.crm.core.api.security.CallerContext;
import org.tessera.crm.core.api.security.RecordScope;
import org.tessera.crm.core.kit.EventProperties;
import org.tessera.crm.core.kit.FieldErrors;
import org.tessera.crm.core.kit.Ids;
import org.tessera.crm.core.kit.KeysetCursor;
import org.tessera.crm.core.kit.Pages;
import org.tessera.crm.core.kit.Versions;
import org.tessera.crm.core.kit.jpa.ModuleAudit;
import org.tessera.crm.core.kit.jpa.ScopeFilter;
import org.tessera.crm.core.kit.jpa.ModuleEvents;
import org.tessera.crm.core.kit.jpa.Tx;
import org.tessera.crm.marketing.api.CampaignDTO;
import org.tessera.crm.marketing.api.CampaignType;
import org.tessera.crm.marketing.api.MarketingConstants;
import org.tessera.crm.marketing.api.MemberDTO;
import org.tessera.crm.marketing.api.MemberStatusDTO;
import org.tessera.crm.marketing.api.MembersAddedDTO;
import org.tessera.crm.marketing.api.ResponseDTO;
import org.tessera.crm.marketing.impl.segment.NativeSql;

/**
 * A campaign's members: added one by one, in bulk, from a static list or from a segment — each
 * addition one set-based {@code INSERT … SELECT} (in chunks of literal ids for a bulk list), never a
 * row at a time — listed and counted within the caller's perimeter, and moved by recorded responses.
 */
@Component(service = Members.class)
public class Members {
    static final String MEMBER = MarketingConstants.MEMBER;
    static final int MAX_BULK = 100_000;
    static final int CHUNK = 1000;
    private static final String COLUMNS = "m.campaign_id, m.party_id, m.status_code, m.added_at, m.first_responded_at, m.offer_id,"
            + " m.activity_id, m.source, m.send_status, m.send_error, m.version, p.display_name";

    private final Tx tx;
    private final RecordScope scope;
    private final Campaigns campaigns;
    private final Segments segments;
    private final ActivityService activities;
    private final CallerContext callers;
    private final ModuleEvents events;
    private final ModuleAudit audit;
    private final Clock clock;

    @Activate
    public Members(@Reference(target = MarketingUnit.TX) Tx tx, @Reference RecordScope scope, @Reference Campaigns campaigns,
            @Reference Segments segments, @Reference ActivityService activities, @Reference CallerContext callers,
            @Reference DomainEventPublisher events, @Reference AuditRecorder auditRecorder) {
        this(tx, scope, campaigns, segments, activities, callers, events, auditRecorder, Clock.systemUTC());
    }

    public Members(Tx tx, RecordScope scope, Campaigns campaigns, Segments segments, ActivityService activities, CallerContext callers,
            DomainEventPublisher events, AuditRecorder auditRecorder, Clock clock) {
        this.tx = tx;
        this.scope = scope;
        this.campaigns = campaigns;
        this.segments = segments;
        this.activities = activities;
        this.callers = callers;
        this.events = new ModuleEvents(events);
        this.audit = new ModuleAudit(auditRecorder);
        this.clock = clock;
    }

    /** Adds one party (idempotent: an existing member is returned as it is). */
    public MemberDTO add(String campaignId, String partyId) {
        FieldErrors errors = new FieldErrors();
        errors.required("partyId", partyId);
        Long party = Ids.reference("partyId", partyId, errors);
        errors.throwIfAny();
        MembersAddedDTO added = addIds(campaignId, List.of(party), "MANUAL");
        if (added.notFound > 0) {
            throw new ValidationException(FieldError.invalid("partyId", "no such party"));
        }
        return get(campaignId, partyId);
    }

    /** Adds up to 100,000 parties by id; unknown or invisible ids are counted, not added. */
    public MembersAddedDTO addAll(String campaignId, List<String> partyIds) {
        FieldErrors errors = new FieldErrors();
        List<Long> ids = parseIds("partyIds", partyIds, MAX_BULK, errors);
        errors.throwIfAny();
        return addIds(campaignId, ids, "BULK");
    }

    private MembersAddedDTO addIds(String campaignId, List<Long> ids, String source) {
        long campaign = Ids.of(Campaigns.CAMPAIGN, campaignId);
        String defaultStatus = defaultStatus(campaignId);
        String visible = ScopeFilter.of(scope).sqlCondition("p.id");
        MembersAddedDTO result = tx.required(em -> {
            MembersAddedDTO r = new MembersAddedDTO();
            long found = 0;
            for (List<Long> chunk : chunks(ids)) {
                String in = literals(chunk);
                found += NativeSql.count(em, "SELECT COUNT(*) FROM party p WHERE p.id IN (" + in + ") AND p.status <> 'MERGED' AND "
                        + visible, List.of());
                r.added += NativeSql.update(em, insertSelect(visible + " AND p.id IN (" + in + ")"),
                        List.of(campaign, defaultStatus, source, Instant.now(clock).truncatedTo(ChronoUnit.MILLIS), campaign));
            }
            r.notFound = ids.size() - found;
            r.alreadyMembers = found - r.added;
            auditAddition(em, campaignId, source, r, null);
            return r;
        });
        return result;
    }

    /** Materializes a segment into members: one INSERT … SELECT of its matches that are not members yet. */
    public MembersAddedDTO addSegment(String campaignId, String segmentId) {
        FieldErrors errors = new FieldErrors();
        errors.required("segmentId", segmentId);
        errors.throwIfAny();
        long campaign = Ids.of(Campaigns.CAMPAIGN, campaignId);
        String defaultStatus = defaultStatus(campaignId);
        Segments.Selection selection;
        try {
            selection = segments.selection(segmentId);
        } catch (NotFoundException e) {
            throw new ValidationException(FieldError.invalid("segmentId", "no such segment"));
        }
        String source = Segments.STATIC.equals(segments.get(segmentId).kind) ? "LIST" : "SEGMENT";
        MembersAddedDTO result = tx.required(em -> {
            List<Object> params = new ArrayList<>(List.of(campaign, defaultStatus, source, Instant.now(clock).truncatedTo(ChronoUnit.MILLIS)));
            params.addAll(selection.params());
            params.add(campaign);
            // the matches already members: none when the campaign has no member yet (the first
            // materialization), which spares a second evaluation of the criteria over every party
            boolean hasMembers = !NativeSql.query(em, "SELECT 1 FROM marketing_member WHERE campaign_id = ? FETCH FIRST 1 ROWS ONLY",
                    List.of(campaign)).getResultList().isEmpty();
            long matching = hasMembers ? NativeSql.count(em, "SELECT COUNT(*) FROM party p WHERE " + selection.where(), selection.params()) : -1;
            MembersAddedDTO r = new MembersAddedDTO();
            r.added = NativeSql.update(em, insertSelect(selection.where()), params);
            r.alreadyMembers = hasMembers ? matching - r.added : 0;
            auditAddition(em, campaignId, source, r, segmentId);
            return r;
        });
        return result;
    }

    /** {@code INSERT … SELECT} of the parties matching {@code where} (over {@code party p}) not yet members. */
    private static String insertSelect(String where) {
        return "INSERT INTO marketing_member (campaign_id, party_id, version, status_code, source, added_at)"
                + " SELECT ?, p.id, 1, ?, ?, ? FROM party p WHERE " + where
                + " AND NOT EXISTS (SELECT 1 FROM marketing_member x WHERE x.campaign_id = ? AND x.party_id = p.id)";
    }

    public MemberDTO get(String campaignId, String partyId) {
        long campaign = Ids.of(Campaigns.CAMPAIGN, campaignId);
        long party = Ids.of(MEMBER, partyId);
        String visible = ScopeFilter.of(scope).sqlCondition("m.party_id");
        List<?> rows = tx.required(em -> NativeSql.query(em, "SELECT " + COLUMNS + " FROM marketing_member m JOIN party p ON p.id = m.party_id"
                + " WHERE m.campaign_id = ? AND m.party_id = ? AND " + visible, List.of(campaign, party)).getResultList());
        if (rows.isEmpty()) {
            throw new NotFoundException(MEMBER, campaignId + "/" + partyId);
        }
        return toDto((Object[]) rows.get(0));
    }

    /** Members in the caller's perimeter, by party id; optionally of one status. */
    public Page<MemberDTO> list(String campaignId, String status, int limit, String cursor) {
        KeysetCursor.checkLimit(limit);
        long campaign = Ids.of(Campaigns.CAMPAIGN, campaignId);
        Long after = KeysetCursor.afterId(cursor);
        String visible = ScopeFilter.of(scope).sqlCondition("m.party_id");
        List<Object> params = new ArrayList<>(List.of(campaign, after == null ? Long.MIN_VALUE : after));
        String byStatus = "";
        if (status != null) {
            byStatus = " AND m.status_code = ?";
            params.add(status);
        }
        String sql = "SELECT " + COLUMNS + " FROM marketing_member m JOIN party p ON p.id = m.party_id WHERE m.campaign_id = ?"
                + " AND m.party_id > ?" + byStatus + " AND " + visible + " ORDER BY m.party_id";
        return tx.required(em -> {
            Campaigns.find(em, campaign, campaignId);
            List<Object[]> rows = NativeSql.query(em, sql, params).setMaxResults(limit + 1).getResultList().stream()
                    .map(r -> (Object[]) r).toList();
            return Pages.byId(rows, limit, r -> NativeSql.longOf(r[1]), Members::toDto);
        });
    }

    /**
     * Records a member's response: a core activity (channel, outcome) linked to the campaign, then
     * the member moved to the status (its first-response date set when the status counts as a
     * response). The activity is removed again if the member cannot be written.
     */
    public MemberDTO respond(String campaignId, String partyId, Long expectedVersion, ResponseDTO response) {
        CampaignDTO campaign = campaigns.get(campaignId);
        MemberDTO member = get(campaignId, partyId);
        Versions.check(MEMBER, campaignId + "/" + partyId, expectedVersion, member.version);
        Map<String, MemberStatusDTO> statuses = campaigns.statuses(campaignId).stream()
                .collect(Collectors.toMap(s -> s.code, s -> s, (a, b) -> a, LinkedHashMap::new));
        FieldErrors errors = new FieldErrors();
        errors.required("status", response.status).maxLength("notes", response.notes, 4000);
        if (response.status != null && !statuses.containsKey(response.status)) {
            errors.invalid("status", "not a status of this campaign: " + statuses.keySet());
        }
        Long offer = Ids.reference("offerId", response.offerId, errors);
        errors.throwIfAny();
        if (offer != null && tx.required(em -> NativeSql.count(em, "SELECT COUNT(*) FROM marketing_offer WHERE id = ? AND campaign_id = ?",
                List.of(offer, Long.parseLong(campaignId)))) == 0) {
            throw new ValidationException(FieldError.invalid("offerId", "no such offer in this campaign"));
        }
        String channel = response.channel != null ? response.channel : Channels.activityChannel(campaign.type);
        ActivityDTO activity = new ActivityDTO();
        activity.type = Channels.activityType(channel);
        activity.subject = truncate(campaign.name + ": " + statuses.get(response.status).label, 200);
        activity.description = response.notes;
        activity.status = ActivityStatus.DONE;
        activity.startAt = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        activity.endAt = activity.startAt;
        activity.channel = channel;
        activity.direction = campaign.type == CampaignType.PHONE ? Direction.OUTBOUND : Direction.INBOUND;
        activity.outcome = response.outcome;
        activity.participants = new ArrayList<>(List.of(partyId));
        activity.links = new ArrayList<>(List.of(MarketingConstants.CAMPAIGN_LINK_PREFIX + campaignId));
        ActivityDTO recorded = activities.create(activity); // the core validates channel and outcome (422 naming them)
        boolean responded = statuses.get(response.status).responded;
        try {
            MemberDTO after = tx.required(em -> {
                int written = NativeSql.update(em, "UPDATE marketing_member SET status_code = ?, activity_id = ?, offer_id = "
                        + (offer == null ? "offer_id" : String.valueOf(offer))
                        + (responded ? ", first_responded_at = COALESCE(first_responded_at, ?)" : "")
                        + ", version = version + 1 WHERE campaign_id = ? AND party_id = ? AND version = ?",
                        responded ? List.of(response.status, Long.parseLong(recorded.id), recorded.startAt, Long.parseLong(campaignId),
                                Long.parseLong(partyId), member.version)
                                : List.of(response.status, Long.parseLong(recorded.id), Long.parseLong(campaignId), Long.parseLong(partyId),
                                        member.version));
                if (written == 0) {
                    throw new org.tessera.crm.core.api.ConflictException("version", "the member changed meanwhile");
                }
                MemberDTO stored = readMember(em, Long.parseLong(campaignId), Long.parseLong(partyId));
                audit.updated(em, MEMBER, campaignId + "/" + partyId, member, stored);
                events.record(em, MarketingConstants.topic("member", "RESPONDED"), EventProperties.of(MEMBER, campaignId + "/" + partyId,
                        stored.version, List.of("status"), Map.of("campaignId", campaignId, "partyId", partyId, "status", stored.status)));
                return stored;
            });
            return after;
        } catch (RuntimeException e) {
            callers.callAsSystem(() -> {
                activities.delete(recorded.id, null);
                return null;
            });
            throw e;
        }
    }

    /** Removes a member that has not responded yet (its history would be lost otherwise: 409). */
    public void remove(String campaignId, String partyId, Long expectedVersion) {
        MemberDTO member = get(campaignId, partyId);
        Versions.check(MEMBER, campaignId + "/" + partyId, expectedVersion, member.version);
        if (member.firstRespondedAt != null) {
            throw new org.tessera.crm.core.api.ConflictException("firstRespondedAt", "the member has responded; move it to another status instead");
        }
        tx.required(em -> {
            NativeSql.update(em, "DELETE FROM marketing_member WHERE campaign_id = ? AND party_id = ?",
                    List.of(Long.parseLong(campaignId), Long.parseLong(partyId)));
            audit.deleted(em, MEMBER, campaignId + "/" + partyId, member);
            events.record(em, MarketingConstants.topic("member", "DELETED"), EventProperties.of(MEMBER, campaignId + "/" + partyId, null));
            return null;
        });
    }

    static MemberDTO readMember(EntityManager em, long campaign, long party) {
        Object[] row = (Object[]) NativeSql.query(em, "SELECT " + COLUMNS + " FROM marketing_member m JOIN party p ON p.id = m.party_id"
                + " WHERE m.campaign_id = ? AND m.party_id = ?", List.of(campaign, party)).getSingleResult();
        return toDto(row);
    }

    private String defaultStatus(String campaignId) {
        return campaigns.statuses(campaignId).stream().filter(s -> s.isDefault).map(s -> s.code).findFirst()
                .orElseThrow(() -> new IllegalStateException("campaign " + campaignId + " has no default status"));
    }

    private void auditAddition(EntityManager em, String campaignId, String source, MembersAddedDTO r, String segmentId) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("source", source);
        summary.put("added", r.added);
        summary.put("alreadyMembers", r.alreadyMembers);
        summary.put("notFound", r.notFound);
        if (segmentId != null) {
            summary.put("segmentId", segmentId);
        }
        audit.created(em, MEMBER, campaignId, summary);
        if (r.added > 0) {
            events.record(em, MarketingConstants.topic("member", "CREATED"), EventProperties.of(MEMBER, campaignId, null, List.of(),
                    Map.of("campaignId", campaignId, "added", r.added)));
        }
    }

    static MemberDTO toDto(Object[] r) {
        MemberDTO d = new MemberDTO();
        d.campaignId = String.valueOf(NativeSql.longOf(r[0]));
        d.partyId = String.valueOf(NativeSql.longOf(r[1]));
        d.status = (String) r[2];
        d.addedAt = NativeSql.instantOf(r[3]);
        d.firstRespondedAt = NativeSql.instantOf(r[4]);
        d.offerId = r[5] == null ? null : String.valueOf(NativeSql.longOf(r[5]));
        d.activityId = r[6] == null ? null : String.valueOf(NativeSql.longOf(r[6]));
        d.source = (String) r[7];
        d.sendStatus = (String) r[8];
        d.sendError = (String) r[9];
        d.version = NativeSql.longOf(r[10]);
        d.displayName = (String) r[11];
        return d;
    }

    /** Distinct ids, each checked (a malformed one is named by its index), at most {@code max}. */
    static List<Long> parseIds(String field, List<String> raw, int max, FieldErrors errors) {
        if (raw == null) {
            errors.required(field, null);
            return List.of();
        }
        if (raw.size() > max) {
            errors.invalid(field, "at most " + max + " ids in one request");
            return List.of();
        }
        LinkedHashSet<Long> ids = new LinkedHashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            Long id = raw.get(i) == null ? null : Ids.parse(raw.get(i)).orElse(null);
            if (id == null) {
                errors.invalid(field + "[" + i + "]", "not a party id");
                if (errors.list().size() >= 20) {
                    break;
                }
            } else {
                ids.add(id);
            }
        }
        return new ArrayList<>(ids);
    }

    static List<List<Long>> chunks(List<Long> ids) {
        List<List<Long>> chunks = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += CHUNK) {
            chunks.add(ids.subList(i, Math.min(ids.size(), i + CHUNK)));
        }
        return chunks;
    }

    /** Parsed numbers only, so safe to write into the SQL text (a bound list of 1000 values is slower on both databases). */
    static String literals(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
