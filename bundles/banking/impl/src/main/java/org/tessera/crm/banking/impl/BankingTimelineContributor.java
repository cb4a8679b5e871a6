package org.tessera.crm.banking.impl;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tessera.crm.banking.api.AccountDTO;
import org.tessera.crm.banking.api.AccountQuery;
import org.tessera.crm.banking.api.AccountService;
import org.tessera.crm.banking.api.BankingEntityTypes;
import org.tessera.crm.banking.api.LifeEventDTO;
import org.tessera.crm.banking.api.LifeEventService;
import org.tessera.crm.banking.api.OfferDecisionDTO;
import org.tessera.crm.banking.api.OfferService;
import org.tessera.crm.core.api.party.PartyDTO;
import org.tessera.crm.core.api.party.PartyService;
import org.tessera.crm.core.api.party.PartyType;
import org.tessera.crm.core.api.spi.TimelineContributor;
import org.tessera.crm.core.api.timeline.TimelineEntryDTO;
import org.tessera.crm.core.api.timeline.TimelineQuery;

/**
 * A party's banking history in its timeline: accounts opened and closed, life events, offers
 * accepted or rejected. Reads go through the pack's services, as the caller.
 */
@Component(property = {TimelineContributor.KINDS + "=" + BankingTimelineContributor.ACCOUNT_OPENED,
        TimelineContributor.KINDS + "=" + BankingTimelineContributor.ACCOUNT_CLOSED,
        TimelineContributor.KINDS + "=" + BankingTimelineContributor.LIFE_EVENT,
        TimelineContributor.KINDS + "=" + BankingTimelineContributor.OFFER_DECISION})
public class BankingTimelineContributor implements TimelineContributor {
    static final String ACCOUNT_OPENED = "ACCOUNT_OPENED";
    static final String ACCOUNT_CLOSED = "ACCOUNT_CLOSED";
    static final String LIFE_EVENT = "LIFE_EVENT";
    static final String OFFER_DECISION = "OFFER_DECISION";

    private final AccountService accounts;
    private final LifeEventService lifeEvents;
    private final OfferService offers;
    private final PartyService parties;

    @Activate
    public BankingTimelineContributor(@Reference AccountService accounts, @Reference LifeEventService lifeEvents, @Reference OfferService offers,
            @Reference PartyService parties) {
        this.accounts = accounts;
        this.lifeEvents = lifeEvents;
        this.offers = offers;
        this.parties = parties;
    }

    @Override
    public List<TimelineEntryDTO> entries(TimelineQuery query) {
        List<TimelineEntryDTO> entries = new ArrayList<>();
        AccountQuery byParty = new AccountQuery();
        byParty.partyId = query.partyId;
        byParty.limit = 200;
        for (AccountDTO account : accounts.search(byParty).items) {
            if (account.openedOn != null) {
                add(entries, query, entry("banking:account:" + account.id + ":opened", ACCOUNT_OPENED, account.openedOn,
                        "Account opened: " + account.type + " " + account.number, account.product, "/banking/accounts/" + account.id));
            }
            if (account.closedOn != null) {
                add(entries, query, entry("banking:account:" + account.id + ":closed", ACCOUNT_CLOSED, account.closedOn,
                        "Account closed: " + account.type + " " + account.number, account.product, "/banking/accounts/" + account.id));
            }
        }
        PartyDTO party = parties.find(query.partyId).orElse(null);
        if (party != null && party.type == PartyType.PERSON) {
            for (LifeEventDTO event : lifeEvents.of(query.partyId)) {
                add(entries, query, entry("banking:life-event:" + event.id, LIFE_EVENT, event.occurredOn, "Life event: " + event.type,
                        event.notes, null));
            }
        }
        for (OfferDecisionDTO decision : offers.decisions(query.partyId)) {
            TimelineEntryDTO entry = entry("banking:offer-decision:" + decision.id, OFFER_DECISION, null,
                    "Offer " + decision.decision.name().toLowerCase(java.util.Locale.ROOT) + ": " + decision.offerName, decision.reason, null);
            entry.occurredAt = decision.decidedAt;
            add(entries, query, entry);
        }
        entries.sort(Comparator.comparing((TimelineEntryDTO e) -> e.occurredAt).thenComparing(e -> e.id).reversed());
        return entries.size() > query.limit ? entries.subList(0, query.limit) : entries;
    }

    private static void add(List<TimelineEntryDTO> entries, TimelineQuery query, TimelineEntryDTO entry) {
        if (query.admits(entry)) {
            entries.add(entry);
        }
    }

    private static TimelineEntryDTO entry(String id, String kind, LocalDate day, String title, String summary, String href) {
        TimelineEntryDTO entry = new TimelineEntryDTO();
        entry.id = id;
        entry.source = BankingEntityTypes.MODULE;
        entry.kind = kind;
        entry.occurredAt = day == null ? null : day.atStartOfDay().toInstant(ZoneOffset.UTC);
        entry.title = title;
        entry.summary = summary;
        entry.href = href;
        return entry;
    }

    static Instant at(LocalDate day) {
        return day.atStartOfDay().toInstant(ZoneOffset.UTC);
    }
}
