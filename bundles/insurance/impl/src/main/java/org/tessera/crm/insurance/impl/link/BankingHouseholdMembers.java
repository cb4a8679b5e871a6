package org.tessera.crm.insurance.impl.link;

import java.util.List;

import org.tessera.crm.banking.api.HouseholdMemberDTO;
import org.tessera.crm.banking.api.HouseholdService;

/**
 * A household's members as the banking pack keeps them (roles, primary households, ended
 * memberships), so that the household's insurance figures and its banking rollup, side by side on
 * its one 360° page, count the same people. Exists only while banking is installed; the bundle
 * imports {@code org.tessera.crm.banking.api} optionally. Its component description is
 * src/main/osgi/insurance-links.xml (see bnd.bnd).
 */
public class BankingHouseholdMembers implements HouseholdMembers {
    private final HouseholdService households;

    public BankingHouseholdMembers(HouseholdService households) {
        this.households = households;
    }

    @Override
    public List<String> members(String householdId) {
        return households.members(householdId).stream().map((HouseholdMemberDTO m) -> m.partyId).distinct().toList();
    }
}
