package org.tessera.crm.marketing.impl.service;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.tessera.crm.core.api.ConflictException;
import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.core.api.ValidationException;
import org.tessera.crm.core.api.audit.AuditRecorder;
import org.tessera.crm.core.api.event.DomainEventPublisher;
import org.tessera.crm.core.api.mail.MailDeliveryException;
import org.tessera.crm.core.api.mail.MailMessage;
import org.tessera.crm.core.api.mail.MailSender;
import org.tessera.crm.core.api.party.ContactMechanismDTO;
import org.tessera.crm.core.api.party.ContactMechanismType;
import org.tessera.crm.core.api.party.PartyDTO;
import org.tessera.crm.core.api.party.PartyService;
import org.tessera.crm.core.api.privacy.ConsentDTO;
import org.tessera.crm.core.api.privacy.ConsentService;
import org.tessera.crm.core.api.privacy.ConsentStatus;
import org.tessera.crm.core.api.security.CallerContext;
import org.tessera.crm.core.api.security.RecordScope;
import org.tessera.crm.core.kit.EventProperties;
import org.tessera.crm.core.kit.jpa.ModuleAudit;
import org.tessera.crm.core.kit.jpa.ScopeFilter;
import org.tessera.crm.core.kit.jpa.ModuleEvents;
import org.tessera.crm.core.kit.jpa.Tx;
import org.tessera.crm.core.kit.template.Escaping;
import org.tessera.crm.core.kit.template.MergeTemplate;
import org.tessera.crm.core.kit.template.PartyMergeFields;
import org.tessera.crm.marketing.api.CampaignDTO;
import org.tessera.crm.marketing.api.CampaignStatus;
import org.tessera.crm.marketing.api.CampaignType;
import org.tessera.crm.marketing.api.MarketingConstants;
import org.tessera.crm.marketing.api.OfferDTO;
import org.tessera.crm.marketing.api.SendReportDTO;
import org.tessera.crm.marketing.impl.segment.NativeSql;

/**
 * Sends an email campaign's template to its members through the core's {@link MailSender}, in
 * batches and at a bounded pace. Each member gets a status: SENT, BOUNCED (the server refused the
 * address), FAILED (transient, with the reason; sent again by a run with {@code retryFailed}) or
 * SUPPRESSED (opted out of email, no email address, on the suppression list, or consent to marketing
 * by email withdrawn in the core's {@link ConsentService}) — counted, never dropped silently. Every email carries its member's unsubscribe link.
 */
@Component(service = EmailSends.class, configurationPid = MarketingConfig.PID)
public class EmailSends {
    /** The purpose whose consent a campaign send needs (channel EMAIL). */
    static final String MARKETING_PURPOSE = "marketing";
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Tx tx;
    private final RecordScope scope;
    private final Campaigns campaigns;
    private final Offers offers;
    private final PartyService parties;
    private final MailSender mail;
    private final ConsentService consents;
    private final CallerContext callers;
    private final ModuleEvents events;
    private final ModuleAudit audit;
    private final Clock clock;
    private volatile MarketingConfig config;

    @Activate
    public EmailSends(@Reference(target = MarketingUnit.TX) Tx tx, @Reference RecordScope scope, @Reference Campaigns campaigns,
            @Reference Offers offers, @Reference PartyService parties, @Reference MailSender mail, @Reference CallerContext callers,
            @Reference DomainEventPublisher events, @Reference AuditRecorder auditRecorder, @Reference ConsentService consents, MarketingConfig config) {
        this.tx = tx;
        this.scope = scope;
        this.campaigns = campaigns;
        this.offers = offers;
        this.parties = parties;
        this.mail = mail;
        this.consents = consents;
        this.callers = callers;
        this.events = new ModuleEvents(events);
        this.audit = new ModuleAudit(auditRecorder);
        this.clock = Clock.systemUTC();
        this.config = config;
    }

    @Modified
    void modified(MarketingConfig changed) {
        this.config = changed;
    }

    public SendReportDTO send(String campaignId, boolean retryFailed) {
        CampaignDTO campaign = campaigns.get(campaignId);
        List<FieldError> errors = new ArrayList<>();
        if (campaign.type != CampaignType.EMAIL) {
            errors.add(FieldError.invalid("type", "only an EMAIL campaign sends emails"));
        }
        if (campaign.status != CampaignStatus.ACTIVE) {
            errors.add(FieldError.invalid("status", "the campaign must be ACTIVE to send"));
        }
        if (campaign.emailSubject == null) {
            errors.add(FieldError.required("emailSubject"));
        }
        if (campaign.emailHtml == null) {
            errors.add(FieldError.required("emailHtml"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        if (!mail.settings().configured) {
            throw new ConflictException("mail", "mail is not configured: set host in etc/org.tessera.crm.mail.cfg");
        }
        MergeTemplate subject = Scripts.parse("emailSubject", campaign.emailSubject);
        MergeTemplate html = Scripts.parse("emailHtml", campaign.emailHtml);
        OfferDTO offer = CallLists.currentOffer(offers.ofCampaign(campaignId), java.time.LocalDate.now(clock)).orElse(null);
        MarketingConfig settings = config;
        long campaignKey = Long.parseLong(campaign.id);
        String pending = retryFailed ? "(m.send_status IS NULL OR m.send_status = 'FAILED')" : "m.send_status IS NULL";
        String visible = ScopeFilter.of(scope).sqlCondition("m.party_id");
        String mechanism = Channels.mechanism(campaign.type);
        List<Object> params = new ArrayList<>(Channels.suppressedParams(mechanism));
        params.add(campaignKey);
        params.add(Long.MIN_VALUE);
        String batchSql = "SELECT m.party_id, CASE WHEN " + Channels.suppressedSql(mechanism) + " THEN 1 ELSE 0 END"
                + " FROM marketing_member m WHERE m.campaign_id = ? AND m.party_id > ? AND " + pending + " AND " + visible
                + " ORDER BY m.party_id";
        SendReportDTO report = new SendReportDTO();
        long paceNanos = settings.sendMaxPerSecond() <= 0 ? 0 : 1_000_000_000L / settings.sendMaxPerSecond();
        long processed = 0;
        long after = Long.MIN_VALUE;
        while (processed < settings.sendMaxPerRun()) {
            params.set(params.size() - 1, after);
            int size = (int) Math.min(settings.sendBatchSize(), settings.sendMaxPerRun() - processed);
            List<Object[]> batch = tx.required(em -> NativeSql.query(em, batchSql, params).setMaxResults(size).getResultList()
                    .stream().map(r -> (Object[]) r).toList());
            if (batch.isEmpty()) {
                break;
            }
            Set<String> withdrawn = consents.withdrawn(batch.stream().map(row -> String.valueOf(NativeSql.longOf(row[0]))).toList(),
                    MARKETING_PURPOSE, "EMAIL");
            for (Object[] row : batch) {
                long partyId = NativeSql.longOf(row[0]);
                after = partyId;
                processed++;
                long started = System.nanoTime();
                boolean suppressed = NativeSql.longOf(row[1]) == 1;
                if (suppressed) {
                    record(campaignKey, partyId, "SUPPRESSED", "opted out of email, no email address, or on the suppression list", null);
                    report.suppressed++;
                    continue;
                }
                if (withdrawn.contains(String.valueOf(partyId))) {
                    record(campaignKey, partyId, "SUPPRESSED", "consent to marketing by email withdrawn", null);
                    report.suppressed++;
                    continue;
                }
                sendOne(campaign, offer, subject, html, campaignKey, partyId, settings, report);
                pace(started, paceNanos);
            }
        }
        report.remaining = tx.required(em -> NativeSql.count(em, "SELECT COUNT(*) FROM marketing_member m WHERE m.campaign_id = ? AND "
                + pending + " AND " + visible, List.of(campaignKey)));
        tx.required(em -> {
            audit.created(em, MarketingConstants.CAMPAIGN + "_SEND", campaign.id, Map.of("sent", report.sent, "bounced", report.bounced,
                    "failed", report.failed, "suppressed", report.suppressed, "remaining", report.remaining));
            events.record(em, MarketingConstants.topic("campaign", "SENT"), EventProperties.of(MarketingConstants.CAMPAIGN, campaign.id, null,
                    List.of(), Map.of("sent", report.sent, "bounced", report.bounced, "failed", report.failed, "suppressed", report.suppressed)));
            return null;
        });
        return report;
    }

    private void sendOne(CampaignDTO campaign, OfferDTO offer, MergeTemplate subject, MergeTemplate html, long campaignKey, long partyId,
            MarketingConfig settings, SendReportDTO report) {
        PartyDTO party = parties.get(String.valueOf(partyId));
        ContactMechanismDTO email = reachableEmail(party).orElse(null);
        if (email == null) {
            record(campaignKey, partyId, "SUPPRESSED", "no email address that is not opted out", null);
            report.suppressed++;
            return;
        }
        String token = token();
        String unsubscribe = settings.publicApiUrl() + "/v1/marketing/unsubscribe?token=" + token;
        Map<String, Object> model = Scripts.model(party, campaign, offer, MergeTemplate.escapeHtml(unsubscribe));
        MailMessage message = new MailMessage();
        message.to = List.of(email.value);
        message.subject = subject.render(model, Escaping.NONE);
        message.html = html.render(model, Escaping.HTML);
        message.headers = Map.of("List-Unsubscribe", "<" + unsubscribe + ">");
        try {
            mail.send(message);
            record(campaignKey, partyId, "SENT", null, token);
            report.sent++;
        } catch (MailDeliveryException e) {
            record(campaignKey, partyId, e.permanent() ? "BOUNCED" : "FAILED", e.getMessage(), null);
            if (e.permanent()) {
                report.bounced++;
            } else {
                report.failed++;
            }
        } catch (ValidationException e) {
            record(campaignKey, partyId, "FAILED", e.getMessage(), null);
            report.failed++;
        }
    }

    private static Optional<ContactMechanismDTO> reachableEmail(PartyDTO party) {
        ContactMechanismDTO preferred = PartyMergeFields.preferred(party.contactMechanisms.stream().filter(m -> !m.optOut).toList(),
                ContactMechanismType.EMAIL);
        return Optional.ofNullable(preferred).filter(m -> m.value != null);
    }

    private void record(long campaign, long party, String status, String error, String token) {
        String reason = error == null ? null : error.length() > 500 ? error.substring(0, 500) : error;
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        // no null is ever bound: both databases refuse an untyped NULL parameter in some positions
        StringBuilder sql = new StringBuilder("UPDATE marketing_member SET send_status = ?, version = version + 1");
        List<Object> params = new ArrayList<>(List.of(status));
        sql.append(reason == null ? ", send_error = NULL" : ", send_error = ?");
        if (reason != null) {
            params.add(reason);
        }
        if ("SENT".equals(status)) {
            sql.append(", sent_at = ?");
            params.add(now);
        }
        if (token != null) {
            sql.append(", unsubscribe_token = ?");
            params.add(token);
        }
        sql.append(" WHERE campaign_id = ? AND party_id = ?");
        params.add(campaign);
        params.add(party);
        tx.required(em -> NativeSql.update(em, sql.toString(), params));
    }

    /**
     * The unsubscribe link's effect: the party's email addresses are opted out and its consent to
     * marketing by email is recorded as withdrawn (source "unsubscribe link"), so no campaign sends to them again. Runs as the system: the link is clicked by a recipient, not
     * by a user of the API. Answers whether the token was known.
     */
    public boolean unsubscribe(String token) {
        if (token == null || token.length() < 20 || token.length() > 64) {
            return false;
        }
        List<?> rows = tx.required(em -> NativeSql.query(em, "SELECT party_id, campaign_id FROM marketing_member WHERE unsubscribe_token = ?",
                List.of(token)).getResultList());
        if (rows.isEmpty()) {
            return false;
        }
        Object[] row = (Object[]) rows.get(0);
        String partyId = String.valueOf(NativeSql.longOf(row[0]));
        callers.callAsSystem(() -> {
            PartyDTO party = parties.get(partyId);
            boolean changed = false;
            for (ContactMechanismDTO m : party.contactMechanisms) {
                if (m.type == ContactMechanismType.EMAIL && !m.optOut) {
                    m.optOut = true;
                    changed = true;
                }
            }
            if (changed) {
                parties.update(partyId, party.version, party);
            }
            ConsentDTO withdrawal = new ConsentDTO();
            withdrawal.purpose = MARKETING_PURPOSE;
            withdrawal.channel = "EMAIL";
            withdrawal.status = ConsentStatus.WITHDRAWN;
            withdrawal.source = "unsubscribe link";
            consents.record(partyId, withdrawal);
            return null;
        });
        // the change itself is the core's (its party update records its own event); this one says why
        tx.required(em -> {
            events.record(em, MarketingConstants.topic("member", "UNSUBSCRIBED"), EventProperties.of(MarketingConstants.MEMBER,
                    NativeSql.longOf(row[1]) + "/" + partyId, null));
            return null;
        });
        return true;
    }

    private static String token() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Keeps the pace under the configured emails per second (the SMTP server's and the recipients' limits). */
    private static void pace(long startedNanos, long paceNanos) {
        long wait = paceNanos - (System.nanoTime() - startedNanos);
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
