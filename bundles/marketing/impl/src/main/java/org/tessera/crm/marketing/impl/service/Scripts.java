package org.tessera.crm.marketing.impl.service;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.tessera.crm.core.api.party.PartyDTO;
import org.tessera.crm.core.kit.template.MergeTemplate;
import org.tessera.crm.core.kit.template.PartyMergeFields;
import org.tessera.crm.marketing.api.CampaignDTO;
import org.tessera.crm.marketing.api.OfferDTO;

/**
 * The merge fields a campaign's texts may use (the core's template mechanism): the party's,
 * {@code offer.*}, {@code campaign.*}, and in emails {@code unsubscribeUrl}.
 */
final class Scripts {
    static final Set<String> ROOTS = Set.of("party", "offer", "campaign", "unsubscribeUrl");
    static final Set<String> OWN_PATHS = Set.of("offer.name", "offer.description", "offer.discountPercent", "offer.minQuantity",
            "campaign.name", "campaign.sourceCode", "campaign.description", "unsubscribeUrl");

    private Scripts() {
    }

    /** Parses a campaign text and refuses a merge field nobody fills (422 naming the campaign field). */
    static MergeTemplate parse(String field, String source) {
        MergeTemplate template = MergeTemplate.parse(field, source);
        Set<String> known = new HashSet<>(OWN_PATHS);
        template.paths().stream().filter(PartyMergeFields::isPartyPath).forEach(known::add);
        return template.requireKnown(ROOTS, known);
    }

    static void check(CampaignDTO c) {
        if (c.callScript != null) {
            parse("callScript", c.callScript);
        }
        if (c.emailSubject != null) {
            parse("emailSubject", c.emailSubject);
        }
        if (c.emailHtml != null) {
            parse("emailHtml", c.emailHtml);
        }
    }

    static Map<String, Object> model(PartyDTO party, CampaignDTO campaign, OfferDTO offer, String unsubscribeUrl) {
        Map<String, Object> model = new HashMap<>();
        model.put("party", PartyMergeFields.of(party));
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", campaign.name);
        c.put("sourceCode", campaign.sourceCode);
        c.put("description", campaign.description);
        model.put("campaign", c);
        Map<String, Object> o = new LinkedHashMap<>();
        if (offer != null) {
            o.put("name", offer.name);
            o.put("description", offer.description);
            o.put("discountPercent", offer.discountPercent == null ? null : offer.discountPercent.toPlainString());
            o.put("minQuantity", offer.minQuantity == null ? null : offer.minQuantity.toPlainString());
        }
        model.put("offer", o);
        model.put("unsubscribeUrl", unsubscribeUrl);
        return model;
    }
}
