package org.tessera.crm.insurance.impl.service;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tessera.crm.core.api.overview.KeyFigureDTO;
import org.tessera.crm.core.api.overview.OverviewItemDTO;
import org.tessera.crm.core.api.overview.OverviewSectionDTO;
import org.tessera.crm.core.api.spi.OverviewContributor;
import org.tessera.crm.insurance.api.HouseholdInsuranceDTO;
import org.tessera.crm.insurance.api.Insurance;
import org.tessera.crm.insurance.api.PolicyDTO;
import org.tessera.crm.insurance.api.PolicyQuery;
import org.tessera.crm.insurance.api.PolicyService;
import org.tessera.crm.insurance.impl.entity.ClaimEntity;
import org.tessera.crm.insurance.impl.rules.Premiums;

/**
 * The insurance section of the 360° page: terms in force with their premiums and the open claims.
 * For a household party the figures are the household's rollup (one section on the household's one
 * 360° page, beside the other modules' sections — banking's rollups among them — not a page of its
 * own), each member's figures as items.
 */
@Component
public class InsuranceSection implements OverviewContributor {
    static final String KEY = "policies";
    private final PolicyService policies;
    private final PartyRecords records;

    @Activate
    public InsuranceSection(@Reference PolicyService policies, @Reference PartyRecords records) {
        this.policies = policies;
        this.records = records;
    }

    @Override
    public String module() {
        return Insurance.MODULE;
    }

    @Override
    public String section() {
        return KEY;
    }

    @Override
    public String title() {
        return "Insurance";
    }

    @Override
    public String requiredPermission() {
        return InsurancePermissions.POLICY_READ;
    }

    @Override
    public OverviewSectionDTO contribute(String partyId) {
        HouseholdInsuranceDTO rollup = policies.household(partyId);
        List<KeyFigureDTO> figures = List.of(KeyFigureDTO.count("policiesInForce", "Policies in force", rollup.policiesInForce),
                new KeyFigureDTO("annualPremium", "Annual premiums", rollup.annualPremium, "EUR"),
                KeyFigureDTO.count("openClaims", "Open claims", rollup.openClaims));
        List<OverviewItemDTO> items = new ArrayList<>();
        boolean household = rollup.members.size() != 1 || !partyId.equals(rollup.members.get(0).partyId);
        if (household) {
            for (HouseholdInsuranceDTO.Member m : rollup.members) {
                OverviewItemDTO item = new OverviewItemDTO();
                item.id = "party:" + m.partyId;
                item.type = "HOUSEHOLD_MEMBER";
                item.title = "Member " + m.partyId;
                item.subtitle = m.policiesInForce + " policies in force · " + m.openClaims + " open claims";
                item.amount = m.annualPremium;
                item.currency = "EUR";
                item.href = "/parties/" + m.partyId;
                items.add(item);
            }
        } else {
            PolicyQuery query = new PolicyQuery();
            query.partyId = partyId;
            query.limit = 20;
            for (PolicyDTO p : policies.search(query).items) {
                if (p.status.covering() && p.expiryDate.isAfter(LocalDate.now(ZoneOffset.UTC))) {
                    items.add(item(p));
                }
            }
            for (ClaimEntity c : records.of(partyId).claims()) {
                if (!"CLOSED".equals(c.status) && items.size() < 30) {
                    OverviewItemDTO item = new OverviewItemDTO();
                    item.id = Insurance.claimLink(String.valueOf(c.id));
                    item.type = Insurance.CLAIM;
                    item.title = "Claim " + c.number;
                    item.subtitle = c.type + " · " + c.lossDate;
                    item.status = c.status;
                    item.date = c.reportedDate;
                    item.href = "/insurance/claims/" + c.id;
                    items.add(item);
                }
            }
        }
        OverviewSectionDTO section = OverviewSectionDTO.of(figures, items);
        section.href = "/insurance/policies?partyId=" + partyId;
        return section;
    }

    private static OverviewItemDTO item(PolicyDTO p) {
        OverviewItemDTO item = new OverviewItemDTO();
        item.id = Insurance.policyLink(p.id);
        item.type = Insurance.POLICY;
        item.title = p.number + " · " + p.lineOfBusiness + (p.product == null ? "" : " " + p.product);
        item.subtitle = p.effectiveDate + " – " + p.expiryDate;
        item.status = p.status.name();
        item.amount = Premiums.annual(p.premium, p.premiumFrequency);
        item.currency = p.currency;
        item.date = p.expiryDate;
        item.href = "/insurance/policies/" + p.id;
        return item;
    }
}
