package org.tessera.crm.marketing.impl.service;

import org.osgi.service.component.annotations.Component;
import org.tessera.crm.core.api.privacy.PersonalDataProvider;
import org.tessera.crm.core.kit.privacy.PersonalDataTables;
import org.tessera.crm.core.kit.privacy.PersonalTable;
import org.tessera.crm.core.kit.privacy.TablePersonalDataProvider;
import org.tessera.crm.marketing.api.MarketingConstants;

/**
 * What marketing holds about a person: campaign memberships (with their send results), static list
 * memberships and suppressions. Memberships stay for the campaigns' figures without anything personal;
 * a suppression stays, as the proof that the person asked not to be contacted. Marketing's unit keeps
 * no shared cache, so nothing is evicted.
 */
@Component(service = PersonalDataProvider.class)
public class MarketingPersonalData extends TablePersonalDataProvider {
    static final PersonalDataTables TABLES = PersonalDataTables.of("marketing",
            "suppressions are kept as the proof of the person's refusal; campaign memberships stay, without send errors or unsubscribe tokens",
            PersonalTable.of(MarketingConstants.MEMBER, "marketing_member", "party_id = ?").id("campaign_id")
                    .exports("status_code", "source", "added_at", "first_responded_at", "send_status", "send_error", "sent_at")
                    .blanks("send_error", "unsubscribe_token").versioned(),
            PersonalTable.of("LIST_MEMBER", "marketing_list_party", "party_id = ?").id("segment_id"),
            PersonalTable.of(MarketingConstants.SUPPRESSION, "marketing_suppression", "party_id = ?")
                    .exports("channel", "reason", "created_at")
                    .keeps("the suppression list proves that the person asked not to be contacted"));

    public MarketingPersonalData() {
        super(TABLES, null);
    }
}
