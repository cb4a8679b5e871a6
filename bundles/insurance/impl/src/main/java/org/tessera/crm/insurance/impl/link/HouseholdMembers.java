package org.tessera.crm.insurance.impl.link;

import java.util.List;

/**
 * The seam to the module that keeps households' memberships beyond the core's relationships (the
 * banking pack). Registered only by a component that needs that module's API; without it, a
 * household's members are the parties with a current {@code MEMBER_OF_HOUSEHOLD} relationship to it.
 */
public interface HouseholdMembers {
    /** The current members' party ids. */
    List<String> members(String householdId);
}
