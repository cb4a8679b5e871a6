package org.tessera.crm.banking.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a household (or a person) holds, computed from the current rows when asked.
 *
 * <p><b>The counting rule.</b> An account is <em>counted</em> exactly once: in the primary household
 * of its current primary owner (for a person's rollup: in the rollup of its primary owner). A joint
 * owner whose primary household is another one sees the account <em>shown</em> in their household
 * ({@link #sharedAccounts}), not counted, so that two households' net worths never add the same
 * money twice. Closed accounts are in neither. Declared assets and liabilities count in the primary
 * household of the party who declared them.
 */
public class RollupDTO {
    /** The household, or the person for a person's rollup. */
    public String partyId;
    public String kind;
    /** Per currency, sorted by currency code. */
    public List<CurrencyTotalsDTO> totals = new ArrayList<>();
    /** How many counted accounts of each type (the products held). */
    public Map<String, Integer> productsHeld = new LinkedHashMap<>();
    public int countedAccounts;
    /** Accounts a member holds jointly but which count in another household. */
    public List<SharedAccountDTO> sharedAccounts = new ArrayList<>();

    /** An account shown, not counted. */
    public static class SharedAccountDTO {
        public String accountId;
        public String number;
        public String type;
        /** The member of this household who holds it jointly. */
        public String jointOwnerId;
        /** Where it is counted: its primary owner and their primary household ({@code null} when none). */
        public String primaryOwnerId;
        public String countedInHouseholdId;
    }
}
