package org.tessera.crm.core.impl.overview;

import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.propertytypes.ServiceRanking;
import org.tessera.crm.core.api.overview.OverviewSectionDTO;
import org.tessera.crm.core.api.security.CorePermissions;
import org.tessera.crm.core.api.spi.OverviewContributor;
import org.tessera.crm.core.kit.Ids;
import org.tessera.crm.core.kit.jpa.Tx;

/** The last interaction with the party: its most recent done activity. */
@Component
@ServiceRanking(100)
public class LastInteractionSection implements OverviewContributor {
    private final PartyActivities activities;

    @Activate
    public LastInteractionSection(@Reference(name = "tx") Tx tx) {
        this.activities = new PartyActivities(tx);
    }

    @Override
    public String module() {
        return "core";
    }

    @Override
    public String section() {
        return "last-interaction";
    }

    @Override
    public String title() {
        return "Last interaction";
    }

    @Override
    public String requiredPermission() {
        return CorePermissions.ACTIVITY_READ;
    }

    @Override
    public OverviewSectionDTO contribute(String partyId) {
        Optional<Long> party = Ids.parse(partyId);
        OverviewSectionDTO section = OverviewSectionDTO.of(List.of(),
                party.map(id -> activities.lastDone(id).stream().map(PartyActivities::item).toList()).orElse(List.of()));
        section.href = "/activities?partyId=" + partyId + "&status=DONE";
        return section;
    }
}
