package org.tessera.crm.sales.impl.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.tessera.crm.core.api.customfield.CustomFieldType;
import org.tessera.crm.core.api.spi.PartyFactContributor;
import org.tessera.crm.core.api.spi.PartyFactDTO;
import org.tessera.crm.core.api.spi.PartyFactParameterDTO;
import org.tessera.crm.core.api.spi.SqlCondition;

/**
 * What party selections (marketing segments) may ask sales about a party, answered by SQL over
 * sales' tables inside the selection's own query: an open opportunity (optionally from an amount),
 * a deal won since a day, an open lead.
 */
@Component
public class SalesPartyFacts implements PartyFactContributor {
    static final String OPEN_OPPORTUNITY = "sales.openOpportunity";
    static final String WON_SINCE = "sales.wonOpportunitySince";
    static final String OPEN_LEAD = "sales.openLead";

    @Override
    public String module() {
        return "sales";
    }

    @Override
    public List<PartyFactDTO> facts() {
        return List.of(
                new PartyFactDTO(OPEN_OPPORTUNITY, "Has an open opportunity",
                        List.of(new PartyFactParameterDTO("minAmount", CustomFieldType.DECIMAL, false))),
                new PartyFactDTO(WON_SINCE, "Won an opportunity since",
                        List.of(new PartyFactParameterDTO("since", CustomFieldType.DATE, true))),
                new PartyFactDTO(OPEN_LEAD, "Is an open lead", List.of()));
    }

    @Override
    public SqlCondition condition(String fact, Map<String, Object> parameters, String partyIdColumn) {
        List<Object> values = new ArrayList<>();
        String sql = switch (fact) {
            case OPEN_OPPORTUNITY -> {
                String amount = "";
                if (parameters.get("minAmount") instanceof BigDecimal min) {
                    amount = " AND so.amount >= ?";
                    values.add(min);
                }
                yield "EXISTS (SELECT 1 FROM sales_opportunity so WHERE so.account_id = " + partyIdColumn + " AND so.status = 'OPEN'" + amount + ")";
            }
            case WON_SINCE -> {
                values.add(java.sql.Timestamp.valueOf(((LocalDate) parameters.get("since")).atStartOfDay()));
                yield "EXISTS (SELECT 1 FROM sales_opportunity so WHERE so.account_id = " + partyIdColumn
                        + " AND so.status = 'WON' AND so.updated_at >= ?)";
            }
            case OPEN_LEAD -> "EXISTS (SELECT 1 FROM sales_lead sl WHERE sl.party_id = " + partyIdColumn
                    + " AND sl.status IN ('NEW', 'WORKING', 'QUALIFIED'))";
            default -> throw new IllegalArgumentException("not a sales fact: " + fact);
        };
        return new SqlCondition(sql, values);
    }

}
