package org.tessera.crm.core.impl.overview;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.propertytypes.ServiceRanking;
import org.tessera.crm.core.api.overview.KeyFigureDTO;
import org.tessera.crm.core.api.overview.OverviewItemDTO;
import org.tessera.crm.core.api.overview.OverviewSectionDTO;
import org.tessera.crm.core.api.party.PartyDTO;
import org.tessera.crm.core.api.party.PartyRelationshipDTO;
import org.tessera.crm.core.api.party.PartyService;
import org.tessera.crm.core.api.security.CorePermissions;
import org.tessera.crm.core.api.spi.OverviewContributor;

/**
 * The party's current relationships (begun, not ended) with parties the caller may see: how many,
 * and the first {@value #SHOWN} of them with the other party's name.
 */
@Component
@ServiceRanking(300)
public class RelationshipsSection implements OverviewContributor {
    static final int SHOWN = 10;

    private final PartyService parties;

    @Activate
    public RelationshipsSection(@Reference(name = "parties") PartyService parties) {
        this.parties = parties;
    }

    @Override
    public String module() {
        return "core";
    }

    @Override
    public String section() {
        return "relationships";
    }

    @Override
    public String title() {
        return "Relationships";
    }

    @Override
    public String requiredPermission() {
        return CorePermissions.PARTY_READ;
    }

    @Override
    public OverviewSectionDTO contribute(String partyId) {
        LocalDate today = LocalDate.now();
        List<OverviewItemDTO> items = new ArrayList<>();
        long current = 0;
        for (PartyRelationshipDTO relationship : parties.relationships(partyId)) {
            boolean begun = relationship.from == null || !relationship.from.isAfter(today);
            boolean ended = relationship.thru != null && !relationship.thru.isAfter(today);
            if (!begun || ended) {
                continue;
            }
            boolean outgoing = partyId.equals(relationship.fromPartyId);
            // the other party is read as the caller: one outside their scope is not shown
            Optional<PartyDTO> other = parties.find(outgoing ? relationship.toPartyId : relationship.fromPartyId);
            if (other.isEmpty()) {
                continue;
            }
            current++;
            if (items.size() < SHOWN) {
                items.add(item(relationship, outgoing, other.get()));
            }
        }
        return OverviewSectionDTO.of(List.of(KeyFigureDTO.count("current", "Current relationships", current)), items);
    }

    private static OverviewItemDTO item(PartyRelationshipDTO relationship, boolean outgoing, PartyDTO other) {
        OverviewItemDTO item = new OverviewItemDTO();
        item.id = "core:relationship:" + relationship.id;
        item.type = relationship.type;
        item.title = other.displayName;
        item.subtitle = outgoing ? relationship.type : relationship.type + " this party";
        item.direction = outgoing ? "OUTGOING" : "INCOMING";
        item.date = relationship.from;
        item.href = "/parties/" + other.id;
        return item;
    }
}
