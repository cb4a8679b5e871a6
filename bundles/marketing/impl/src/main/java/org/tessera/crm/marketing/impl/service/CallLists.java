package org.tessera.crm.marketing.impl.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tessera.crm.core.api.Page;
import org.tessera.crm.core.api.party.ContactMechanismDTO;
import org.tessera.crm.core.api.party.ContactMechanismType;
import org.tessera.crm.core.api.party.PartyDTO;
import org.tessera.crm.core.api.party.PartyService;
import org.tessera.crm.core.api.security.RecordScope;
import org.tessera.crm.core.kit.Ids;
import org.tessera.crm.core.kit.KeysetCursor;
import org.tessera.crm.core.kit.Pages;
import org.tessera.crm.core.kit.jpa.ScopeFilter;
import org.tessera.crm.core.kit.jpa.Tx;
import org.tessera.crm.core.kit.template.Escaping;
import org.tessera.crm.core.kit.template.MergeTemplate;
import org.tessera.crm.core.kit.template.PartyMergeFields;
import org.tessera.crm.marketing.api.CallListEntryDTO;
import org.tessera.crm.marketing.api.CampaignDTO;
import org.tessera.crm.marketing.api.OfferDTO;
import org.tessera.crm.marketing.impl.segment.NativeSql;

/**
 * An agent's call list for a campaign (the Siebel campaign screen): the members still to call —
 * not in a responded status, not suppressed on the campaign's channel, in the agent's perimeter —
 * each with the call script rendered for them and the offer to make.
 */
@Component(service = CallLists.class)
public class CallLists {
    private final Tx tx;
    private final RecordScope scope;
    private final Campaigns campaigns;
    private final Offers offers;
    private final PartyService parties;
    private final Clock clock;

    @Activate
    public CallLists(@Reference(target = MarketingUnit.TX) Tx tx, @Reference RecordScope scope, @Reference Campaigns campaigns,
            @Reference Offers offers, @Reference PartyService parties) {
        this(tx, scope, campaigns, offers, parties, Clock.systemUTC());
    }

    CallLists(Tx tx, RecordScope scope, Campaigns campaigns, Offers offers, PartyService parties, Clock clock) {
        this.tx = tx;
        this.scope = scope;
        this.campaigns = campaigns;
        this.offers = offers;
        this.parties = parties;
        this.clock = clock;
    }

    public Page<CallListEntryDTO> callList(String campaignId, int limit, String cursor) {
        KeysetCursor.checkLimit(limit);
        CampaignDTO campaign = campaigns.get(campaignId);
        Long after = KeysetCursor.afterId(cursor);
        String mechanism = Channels.mechanism(campaign.type);
        List<Object> params = new ArrayList<>(List.of(Long.parseLong(campaign.id), after == null ? Long.MIN_VALUE : after));
        params.addAll(Channels.suppressedParams(mechanism));
        String sql = "SELECT m.party_id, m.status_code, m.offer_id FROM marketing_member m JOIN marketing_member_status s"
                + " ON s.campaign_id = m.campaign_id AND s.code = m.status_code WHERE m.campaign_id = ? AND m.party_id > ?"
                + " AND s.responded = FALSE AND NOT " + Channels.suppressedSql(mechanism)
                + " AND " + ScopeFilter.of(scope).sqlCondition("m.party_id") + " ORDER BY m.party_id";
        List<Object[]> rows = tx.required(em -> NativeSql.query(em, sql, params).setMaxResults(limit + 1).getResultList()
                .stream().map(r -> (Object[]) r).toList());
        Map<String, OfferDTO> campaignOffers = offers.ofCampaign(campaignId).stream()
                .collect(Collectors.toMap(o -> o.id, Function.identity()));
        Optional<OfferDTO> current = currentOffer(campaignOffers.values(), LocalDate.now(clock));
        MergeTemplate script = campaign.callScript == null ? null : Scripts.parse("callScript", campaign.callScript);
        return Pages.byId(rows, limit, r -> NativeSql.longOf(r[0]), r -> {
            String partyId = String.valueOf(NativeSql.longOf(r[0]));
            PartyDTO party = parties.get(partyId);
            OfferDTO offer = r[2] == null ? current.orElse(null) : campaignOffers.get(String.valueOf(NativeSql.longOf(r[2])));
            CallListEntryDTO entry = new CallListEntryDTO();
            entry.partyId = partyId;
            entry.displayName = party.displayName;
            ContactMechanismDTO phone = PartyMergeFields.preferred(party.contactMechanisms, ContactMechanismType.PHONE);
            entry.phone = phone == null ? null : phone.value;
            entry.status = (String) r[1];
            entry.offerId = offer == null ? null : offer.id;
            entry.offerName = offer == null ? null : offer.name;
            entry.script = script == null ? null : script.render(Scripts.model(party, campaign, offer, null), Escaping.HTML);
            return entry;
        });
    }

    /** The first offer running on {@code day}, the one an agent makes when the member has none yet. */
    static Optional<OfferDTO> currentOffer(java.util.Collection<OfferDTO> offers, LocalDate day) {
        return offers.stream().filter(o -> (o.startDate == null || !day.isBefore(o.startDate)) && (o.endDate == null || !day.isAfter(o.endDate)))
                .min(java.util.Comparator.comparing((OfferDTO o) -> Ids.parse(o.id).orElse(0L)));
    }
}
