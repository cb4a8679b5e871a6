package org.tessera.crm.sales.impl.service;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tessera.crm.core.api.privacy.PersonalDataProvider;
import org.tessera.crm.core.kit.jpa.Tx;
import org.tessera.crm.core.kit.privacy.PersonalDataTables;
import org.tessera.crm.core.kit.privacy.PersonalTable;
import org.tessera.crm.core.kit.privacy.TablePersonalDataProvider;
import org.tessera.crm.sales.api.SalesEntityTypes;
import org.tessera.crm.sales.impl.jpa.SalesUnit;

/**
 * What sales holds about a person: the leads they were (their names and contact details are the
 * lead's own copy), their contact roles in opportunities, and the opportunities and quotes of which
 * they are the account. Quotes are commercial documents and stay; the free texts of opportunities go.
 */
@Component(service = PersonalDataProvider.class)
public class SalesPersonalData extends TablePersonalDataProvider {
    static final PersonalDataTables TABLES = PersonalDataTables.of("sales",
            "quotes are kept as commercial documents; leads, contact roles and opportunities keep no personal data after an erasure",
            PersonalTable.of(SalesEntityTypes.LEAD, "sales_lead", "party_id = ? OR converted_contact_id = ?")
                    .exports("first_name", "last_name", "email", "phone", "company_name", "job_title", "lead_source", "rating", "status",
                            "disqualified_reason", "created_at")
                    .blanks("first_name", "last_name", "email", "phone", "company_name", "job_title", "disqualified_reason")
                    .customValues("sales_lead_custom_value", "lead_id", "value_json").versioned(),
            PersonalTable.of("OPPORTUNITY_CONTACT", "sales_opportunity_contact", "party_id = ?").id("opportunity_id")
                    .exports("contact_role", "is_primary"),
            PersonalTable.of(SalesEntityTypes.OPPORTUNITY, "sales_opportunity", "account_id = ?")
                    .exports("name", "stage", "status", "currency", "expected_close_date", "next_step", "lost_reason", "created_at")
                    .blanks("next_step", "lost_reason")
                    .customValues("sales_opportunity_custom_value", "opportunity_id", "value_json").versioned(),
            PersonalTable.of(SalesEntityTypes.QUOTE, "sales_quote", "account_id = ?")
                    .exports("quote_number", "name", "status", "currency", "valid_until", "created_at")
                    .keeps("a quote is a commercial document, kept for accounting"));

    @Activate
    public SalesPersonalData(@Reference(target = SalesUnit.TX) Tx tx) {
        super(TABLES, tx);
    }
}
