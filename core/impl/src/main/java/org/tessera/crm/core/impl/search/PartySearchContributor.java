package org.tessera.crm.core.impl.search;

import java.util.Comparator;
import java.util.List;
import java.util.StringJoiner;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tessera.crm.core.api.party.ContactMechanismDTO;
import org.tessera.crm.core.api.party.ContactMechanismType;
import org.tessera.crm.core.api.party.PartyDTO;
import org.tessera.crm.core.api.party.PartyQuery;
import org.tessera.crm.core.api.party.PartyService;
import org.tessera.crm.core.api.search.PartySearchTerms;
import org.tessera.crm.core.api.search.SearchHitDTO;
import org.tessera.crm.core.api.search.SearchQuery;
import org.tessera.crm.core.api.security.CorePermissions;
import org.tessera.crm.core.api.spi.SearchContributor;

/**
 * Parties in the global search, through the party quick search: prefix matching on names, email
 * addresses and phone numbers, case- and accent-insensitive, in the caller's scope. The page is
 * chosen in id order, the plan of {@code GET /v1/parties?q=} that stops after one page (docs/
 * performance.md, P3): in name order the database sorts every match of a common first name (over
 * 2 s at a million parties). The page's hits are then shown by name.
 */
@Component
public class PartySearchContributor implements SearchContributor {
    static final String TYPE = "party";

    private final PartyService parties;

    @Activate
    public PartySearchContributor(@Reference(name = "parties") PartyService parties) {
        this.parties = parties;
    }

    @Override
    public String module() {
        return "core";
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String title() {
        return "Parties";
    }

    @Override
    public String requiredPermission() {
        return CorePermissions.PARTY_READ;
    }

    @Override
    public List<SearchHitDTO> search(SearchQuery query) {
        if (PartySearchTerms.queryTokens(query.text()).isEmpty()) {
            return List.of(); // the party search would read no criterion and list every party
        }
        PartyQuery parties = new PartyQuery();
        parties.q = query.text();
        parties.sort = PartyQuery.Sort.ID;
        parties.limit = query.limit();
        return this.parties.search(parties).items.stream()
                .sorted(Comparator.comparing((PartyDTO party) -> PartySearchTerms.sortKey(party.displayName))
                        .thenComparing(party -> party.id))
                .map(PartySearchContributor::hit).toList();
    }

    private static SearchHitDTO hit(PartyDTO party) {
        StringJoiner subtitle = new StringJoiner(" · ");
        subtitle.add(party.type.name());
        primary(party, ContactMechanismType.EMAIL, subtitle);
        primary(party, ContactMechanismType.PHONE, subtitle);
        return new SearchHitDTO(party.id, TYPE, party.displayName, subtitle.toString(), "/parties/" + party.id);
    }

    /** Adds the party's primary mechanism of this type, or its first one. */
    private static void primary(PartyDTO party, ContactMechanismType type, StringJoiner subtitle) {
        party.contactMechanisms.stream().filter(m -> m.type == type && m.value != null)
                .sorted((a, b) -> Boolean.compare(b.primary, a.primary)).map((ContactMechanismDTO m) -> m.value)
                .findFirst().ifPresent(subtitle::add);
    }
}
