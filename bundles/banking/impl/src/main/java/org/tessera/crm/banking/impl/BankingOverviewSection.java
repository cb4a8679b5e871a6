package org.tessera.crm.banking.impl;

import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tessera.crm.banking.api.AccountDTO;
import org.tessera.crm.banking.api.AccountQuery;
import org.tessera.crm.banking.api.AccountService;
import org.tessera.crm.banking.api.BankingEntityTypes;
import org.tessera.crm.banking.api.CurrencyTotalsDTO;
import org.tessera.crm.banking.api.HouseholdMemberDTO;
import org.tessera.crm.banking.api.HouseholdService;
import org.tessera.crm.banking.api.OfferService;
import org.tessera.crm.banking.api.ProposedOfferDTO;
import org.tessera.crm.banking.api.RollupDTO;
import org.tessera.crm.core.api.overview.KeyFigureDTO;
import org.tessera.crm.core.api.overview.OverviewItemDTO;
import org.tessera.crm.core.api.overview.OverviewSectionDTO;
import org.tessera.crm.core.api.party.PartyDTO;
import org.tessera.crm.core.api.party.PartyService;
import org.tessera.crm.core.api.party.PartyType;
import org.tessera.crm.core.api.security.CallerContext;
import org.tessera.crm.core.api.spi.OverviewContributor;

/**
 * The party's banking in its 360° view: its accounts (with balances for a caller who may see them),
 * its household's net worth per currency, and the top offers proposed now.
 */
@Component
public class BankingOverviewSection implements OverviewContributor {
    static final String SECTION = "banking";
    private final AccountService accounts;
    private final HouseholdService households;
    private final OfferService offers;
    private final PartyService parties;
    private final CallerContext callers;

    @Activate
    public BankingOverviewSection(@Reference AccountService accounts, @Reference HouseholdService households, @Reference OfferService offers,
            @Reference PartyService parties, @Reference CallerContext callers) {
        this.accounts = accounts;
        this.households = households;
        this.offers = offers;
        this.parties = parties;
        this.callers = callers;
    }

    @Override
    public String module() {
        return BankingEntityTypes.MODULE;
    }

    @Override
    public String section() {
        return SECTION;
    }

    @Override
    public String title() {
        return "Banking";
    }

    @Override
    public String requiredPermission() {
        return BankingPermissions.ACCOUNT_READ;
    }

    @Override
    public OverviewSectionDTO contribute(String partyId) {
        AccountQuery query = new AccountQuery();
        query.partyId = partyId;
        query.limit = 50;
        List<AccountDTO> held = accounts.search(query).items;
        List<OverviewItemDTO> items = new ArrayList<>();
        for (AccountDTO account : held) {
            OverviewItemDTO item = new OverviewItemDTO();
            item.id = BankingEntityTypes.accountLink(account.id);
            item.type = "ACCOUNT";
            item.title = account.type + " " + account.number;
            item.subtitle = account.product;
            item.status = account.status.name();
            item.date = account.openedOn;
            item.amount = account.balance; // null without banking.balance.read
            item.currency = account.currency;
            item.href = "/banking/accounts/" + account.id;
            items.add(item);
        }
        List<KeyFigureDTO> figures = new ArrayList<>();
        figures.add(KeyFigureDTO.count("accounts", "Accounts", held.size()));
        PartyDTO party = parties.find(partyId).orElse(null);
        if (party != null && callers.permits(BankingPermissions.BALANCE_READ)) {
            RollupDTO rollup = household(party);
            if (rollup != null) {
                for (CurrencyTotalsDTO totals : rollup.totals) {
                    figures.add(new KeyFigureDTO("netWorth." + totals.currency, "Household net worth", totals.netWorth, totals.currency));
                }
            }
        }
        for (ProposedOfferDTO offer : offers.offersFor(partyId, OfferService.DEFAULT_LIMIT)) {
            OverviewItemDTO item = new OverviewItemDTO();
            item.id = "banking:offer:" + offer.ruleId;
            item.type = "OFFER";
            item.title = offer.offer.name;
            item.subtitle = String.join("; ", offer.reasons);
            item.status = "PROPOSED";
            items.add(item);
        }
        OverviewSectionDTO section = OverviewSectionDTO.of(figures, items);
        section.href = "/banking/parties/" + partyId;
        return section;
    }

    private RollupDTO household(PartyDTO party) {
        if (party.type == PartyType.HOUSEHOLD) {
            return households.householdRollup(party.id);
        }
        if (party.type != PartyType.PERSON) {
            return null;
        }
        List<HouseholdMemberDTO> memberships = households.membershipsOf(party.id);
        return memberships.stream().filter(m -> Boolean.TRUE.equals(m.primary)).findFirst()
                .map(m -> households.householdRollup(m.householdId)).orElseGet(() -> households.personRollup(party.id));
    }
}
