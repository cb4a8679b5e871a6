package org.tessera.crm.marketing.impl.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.persistence.EntityManager;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.tessera.crm.core.api.ConflictException;
import org.tessera.crm.core.api.NotFoundException;
import org.tessera.crm.core.api.Page;
import org.tessera.crm.core.api.audit.AuditRecorder;
import org.tessera.crm.core.api.customfield.CustomFieldService;
import org.tessera.crm.core.api.event.DomainEventPublisher;
import org.tessera.crm.core.api.org.OrgService;
import org.tessera.crm.core.kit.EventProperties;
import org.tessera.crm.core.kit.FieldErrors;
import org.tessera.crm.core.kit.Ids;
import org.tessera.crm.core.kit.KeysetCursor;
import org.tessera.crm.core.kit.Pages;
import org.tessera.crm.core.kit.Versions;
import org.tessera.crm.core.kit.jpa.JpqlQuery;
import org.tessera.crm.core.kit.jpa.ModuleAudit;
import org.tessera.crm.core.kit.jpa.ModuleEvents;
import org.tessera.crm.core.kit.jpa.Tx;
import org.tessera.crm.marketing.api.CampaignDTO;
import org.tessera.crm.marketing.api.CampaignStatus;
import org.tessera.crm.marketing.api.MarketingConstants;
import org.tessera.crm.marketing.api.MemberStatusDTO;
import org.tessera.crm.marketing.impl.entity.CampaignEntity;
import org.tessera.crm.marketing.impl.rules.CampaignRules;
import org.tessera.crm.marketing.impl.rules.Hierarchy;
import org.tessera.crm.marketing.impl.rules.StatusLists;
import org.tessera.crm.marketing.impl.segment.NativeSql;

/**
 * Campaigns and their tree, and each campaign's own member status list. Campaigns are not
 * attached to a party, so they are not scoped; their members are (see {@link Members}).
 */
@Component(service = Campaigns.class, configurationPid = MarketingConfig.PID)
@Designate(ocd = MarketingConfig.class)
public class Campaigns {
    static final String CAMPAIGN = MarketingConstants.CAMPAIGN;
    private final Tx tx;
    private final CustomFieldService customFields;
    private final OrgService org;
    private final ModuleEvents events;
    private final ModuleAudit audit;
    private final Clock clock;
    private volatile int maxDepth;

    @Activate
    public Campaigns(@Reference(target = MarketingUnit.TX) Tx tx, @Reference CustomFieldService customFields, @Reference OrgService org,
            @Reference DomainEventPublisher events, @Reference AuditRecorder auditRecorder, MarketingConfig config) {
        this(tx, customFields, org, events, auditRecorder, Clock.systemUTC(), config.hierarchyMaxDepth());
    }

    public Campaigns(Tx tx, CustomFieldService customFields, OrgService org, DomainEventPublisher events, AuditRecorder auditRecorder,
            Clock clock, int maxDepth) {
        this.tx = tx;
        this.customFields = customFields;
        this.org = org;
        this.events = new ModuleEvents(events);
        this.audit = new ModuleAudit(auditRecorder);
        this.clock = clock;
        this.maxDepth = maxDepth;
    }

    @Modified
    void modified(MarketingConfig config) {
        maxDepth = config.hierarchyMaxDepth();
    }

    public CampaignDTO create(CampaignDTO draft) {
        CampaignRules.normalize(draft);
        Checked checked = check(draft, null);
        CampaignDTO created = tx.required(em -> {
            Map<Long, Long> parents = parents(em);
            FieldErrors errors = new FieldErrors();
            int depth = parentDepth(checked.parentId, parents, null, 1, errors);
            errors.throwIfAny();
            CampaignEntity e = new CampaignEntity();
            CampaignMapper.copyWritable(draft, checked.ownerId, checked.parentId, e);
            e.depth = depth;
            e.createdAt = now();
            e.updatedAt = e.createdAt;
            em.persist(e);
            em.flush();
            writeStatuses(em, e.id, StatusLists.defaults());
            CampaignDTO stored = CampaignMapper.toDto(e);
            audit.created(em, CAMPAIGN, stored.id, stored);
            events.record(em, MarketingConstants.topic("campaign", "CREATED"), EventProperties.of(CAMPAIGN, stored.id, stored.version));
            return stored;
        });
        return created;
    }

    public CampaignDTO get(String id) {
        long key = Ids.of(CAMPAIGN, id);
        return tx.required(em -> CampaignMapper.toDto(find(em, key, id)));
    }

    /** Replaces the client-writable fields; moving under another parent re-checks the tree and re-levels the subtree. */
    public CampaignDTO update(String id, Long expectedVersion, CampaignDTO desired) {
        long key = Ids.of(CAMPAIGN, id);
        CampaignRules.normalize(desired);
        CampaignDTO current = get(id);
        Checked checked = check(desired, current.status);
        Written written = tx.required(em -> {
            CampaignEntity e = find(em, key, id);
            Versions.check(CAMPAIGN, id, expectedVersion, e.version);
            CampaignDTO before = CampaignMapper.toDto(e);
            Map<Long, Long> parents = parents(em);
            FieldErrors errors = new FieldErrors();
            int depth = parentDepth(checked.parentId, parents, key, subtreeLevels(key, parents), errors);
            errors.throwIfAny();
            CampaignMapper.copyWritable(desired, checked.ownerId, checked.parentId, e);
            List<String> changed = CampaignMapper.changedFields(before, CampaignMapper.toDto(e));
            if (changed.isEmpty()) {
                return new Written(before, changed);
            }
            if (depth != e.depth) {
                parents.put(key, checked.parentId);
                relevel(em, key, depth, parents);
                e.depth = depth;
            }
            e.updatedAt = now();
            em.flush();
            CampaignDTO after = CampaignMapper.toDto(e);
            audit.updated(em, CAMPAIGN, id, before, after);
            if (!changed.isEmpty()) {
                events.record(em, MarketingConstants.topic("campaign", "UPDATED"),
                        EventProperties.of(CAMPAIGN, id, after.version, changed.toArray(String[]::new)));
            }
            return new Written(after, changed);
        });
        return written.stored;
    }

    /** Deletes a campaign without children, members or offers (409 naming what is left). */
    public void delete(String id, Long expectedVersion) {
        long key = Ids.of(CAMPAIGN, id);
        tx.required(em -> {
            CampaignEntity e = find(em, key, id);
            Versions.check(CAMPAIGN, id, expectedVersion, e.version);
            if (NativeSql.count(em, "SELECT COUNT(*) FROM marketing_campaign WHERE parent_id = ?", List.of(key)) > 0) {
                throw new ConflictException("parentId", "the campaign has child campaigns: move or delete them first");
            }
            if (NativeSql.count(em, "SELECT COUNT(*) FROM marketing_member WHERE campaign_id = ?", List.of(key)) > 0) {
                throw new ConflictException("members", "the campaign has members; abort it instead of deleting it");
            }
            if (NativeSql.count(em, "SELECT COUNT(*) FROM marketing_offer WHERE campaign_id = ?", List.of(key)) > 0) {
                throw new ConflictException("offers", "the campaign has offers: delete them first");
            }
            audit.deleted(em, CAMPAIGN, id, CampaignMapper.toDto(e));
            NativeSql.update(em, "DELETE FROM marketing_member_status WHERE campaign_id = ?", List.of(key));
            em.remove(e);
            events.record(em, MarketingConstants.topic("campaign", "DELETED"), EventProperties.of(CAMPAIGN, id, null));
            return null;
        });
    }

    /** Campaigns by id; {@code parentId} "root" lists the roots. */
    public Page<CampaignDTO> list(String parentId, CampaignStatus status, int limit, String cursor) {
        KeysetCursor.checkLimit(limit);
        FieldErrors errors = new FieldErrors();
        boolean roots = "root".equals(parentId);
        Long parent = roots ? null : Ids.reference("parentId", parentId, errors);
        errors.throwIfAny();
        Long after = KeysetCursor.afterId(cursor);
        return tx.required(em -> {
            JpqlQuery query = JpqlQuery.of("SELECT e FROM CampaignEntity e")
                    .where("e.parentId = :parent", "parent", parent)
                    .where("e.status = :status", "status", status == null ? null : status.name())
                    .where("e.id > :after", "after", after);
            if (roots) {
                query = query.where("e.parentId IS NULL");
            }
            List<CampaignEntity> fetched = query.create(em, "e.id", CampaignEntity.class).setMaxResults(limit + 1).getResultList();
            return Pages.byId(fetched, limit, e -> e.id, CampaignMapper::toDto);
        });
    }

    /** The ids of the campaign and its descendants. */
    public Set<Long> subtree(long root) {
        return tx.required(em -> subtreeOf(root, parents(em)));
    }

    public List<MemberStatusDTO> statuses(String id) {
        long key = Ids.of(CAMPAIGN, id);
        return tx.required(em -> {
            find(em, key, id);
            return readStatuses(em, key);
        });
    }

    /** Replaces the status list; a status that members are in cannot go, and exactly one is the default. */
    public List<MemberStatusDTO> replaceStatuses(String id, List<MemberStatusDTO> statuses) {
        long key = Ids.of(CAMPAIGN, id);
        List<MemberStatusDTO> written = tx.required(em -> {
            find(em, key, id);
            List<MemberStatusDTO> before = readStatuses(em, key);
            Set<String> inUse = new TreeSet<>();
            for (MemberStatusDTO s : before) {
                if (s.members > 0) {
                    inUse.add(s.code);
                }
            }
            FieldErrors errors = new FieldErrors();
            StatusLists.check(statuses, inUse, errors);
            errors.throwIfAny();
            NativeSql.update(em, "DELETE FROM marketing_member_status WHERE campaign_id = ?", List.of(key));
            writeStatuses(em, key, statuses);
            List<MemberStatusDTO> after = readStatuses(em, key);
            audit.updated(em, MarketingConstants.CAMPAIGN + "_STATUSES", id, Map.of("statuses", before), Map.of("statuses", after));
            events.record(em, MarketingConstants.topic("campaign", "UPDATED"), EventProperties.of(CAMPAIGN, id, null, new String[] {"statuses"}));
            return after;
        });
        return written;
    }

    static List<MemberStatusDTO> readStatuses(EntityManager em, long campaignId) {
        List<?> rows = NativeSql.query(em, "SELECT s.code, s.label, s.responded, s.is_default, s.sort_order,"
                + " (SELECT COUNT(*) FROM marketing_member m WHERE m.campaign_id = s.campaign_id AND m.status_code = s.code)"
                + " FROM marketing_member_status s WHERE s.campaign_id = ? ORDER BY s.sort_order", List.of(campaignId)).getResultList();
        List<MemberStatusDTO> statuses = new ArrayList<>();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            MemberStatusDTO s = new MemberStatusDTO();
            s.code = (String) r[0];
            s.label = (String) r[1];
            s.responded = Boolean.TRUE.equals(r[2]);
            s.isDefault = Boolean.TRUE.equals(r[3]);
            s.sortOrder = (int) NativeSql.longOf(r[4]);
            s.members = NativeSql.longOf(r[5]);
            statuses.add(s);
        }
        return statuses;
    }

    private static void writeStatuses(EntityManager em, long campaignId, List<MemberStatusDTO> statuses) {
        for (MemberStatusDTO s : statuses) {
            NativeSql.update(em, "INSERT INTO marketing_member_status (campaign_id, code, label, responded, is_default, sort_order)"
                    + " VALUES (?, ?, ?, ?, ?, ?)", List.of(campaignId, s.code, s.label, s.responded, s.isDefault, s.sortOrder));
        }
    }

    static CampaignEntity find(EntityManager em, long key, String id) {
        CampaignEntity e = em.find(CampaignEntity.class, key);
        if (e == null) {
            throw new NotFoundException(CAMPAIGN, id);
        }
        return e;
    }

    private Checked check(CampaignDTO draft, CampaignStatus previous) {
        FieldErrors errors = new FieldErrors();
        CampaignRules.check(draft, previous, errors);
        errors.throwIfAny();
        Scripts.check(draft);
        Long ownerId = Ids.reference("ownerId", draft.ownerId, errors);
        if (ownerId != null && org.findAgent(draft.ownerId).isEmpty()) {
            errors.invalid("ownerId", "no such agent");
        }
        Long parentId = Ids.reference("parentId", draft.parentId, errors);
        errors.throwIfAny();
        draft.customFields = new LinkedHashMap<>(customFields.normalize(CAMPAIGN,
                draft.customFields == null ? Map.of() : draft.customFields, false));
        return new Checked(ownerId, parentId);
    }

    private int parentDepth(Long parentId, Map<Long, Long> parents, Long self, int subtreeLevels, FieldErrors errors) {
        if (parentId != null && !parents.containsKey(parentId)) {
            errors.invalid("parentId", "no such campaign");
            return 1;
        }
        return Hierarchy.depthUnder(self, parentId, parents, subtreeLevels, maxDepth, errors);
    }

    /** Every campaign's parent: the tree is small (campaigns, not members), read in one query. */
    static Map<Long, Long> parents(EntityManager em) {
        Map<Long, Long> parents = new HashMap<>();
        for (Object row : NativeSql.query(em, "SELECT id, parent_id FROM marketing_campaign", List.of()).getResultList()) {
            Object[] r = (Object[]) row;
            parents.put(NativeSql.longOf(r[0]), r[1] == null ? null : NativeSql.longOf(r[1]));
        }
        return parents;
    }

    static Set<Long> subtreeOf(long root, Map<Long, Long> parents) {
        Set<Long> ids = new TreeSet<>();
        ids.add(root);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Map.Entry<Long, Long> e : parents.entrySet()) {
                if (e.getValue() != null && ids.contains(e.getValue()) && ids.add(e.getKey())) {
                    grew = true;
                }
            }
        }
        return ids;
    }

    private static int subtreeLevels(long root, Map<Long, Long> parents) {
        int deepest = 1;
        for (Long id : subtreeOf(root, parents)) {
            int level = 1;
            for (Long at = id; at != null && at != root; at = parents.get(at)) {
                level++;
            }
            deepest = Math.max(deepest, level);
        }
        return deepest;
    }

    private static void relevel(EntityManager em, long root, int rootDepth, Map<Long, Long> parents) {
        for (Long id : subtreeOf(root, parents)) {
            if (id == root) {
                continue;
            }
            int level = 0;
            for (Long at = id; at != null && at != root; at = parents.get(at)) {
                level++;
            }
            NativeSql.update(em, "UPDATE marketing_campaign SET depth = ?, version = version + 1 WHERE id = ?", List.of(rootDepth + level, id));
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private record Checked(Long ownerId, Long parentId) {
    }

    private record Written(CampaignDTO stored, List<String> changed) {
    }
}
