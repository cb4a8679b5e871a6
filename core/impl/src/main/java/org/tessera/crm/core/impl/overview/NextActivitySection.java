package org.tessera.crm.core.impl.overview;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.propertytypes.ServiceRanking;
import org.tessera.crm.core.api.overview.KeyFigureDTO;
import org.tessera.crm.core.api.overview.OverviewSectionDTO;
import org.tessera.crm.core.api.security.CorePermissions;
import org.tessera.crm.core.api.spi.OverviewContributor;
import org.tessera.crm.core.kit.Ids;
import org.tessera.crm.core.kit.jpa.Tx;

/** What is planned with the party: the next planned activity, and how many are planned and overdue. */
@Component
@ServiceRanking(200)
public class NextActivitySection implements OverviewContributor {
    private final PartyActivities activities;

    @Activate
    public NextActivitySection(@Reference(name = "tx") Tx tx) {
        this.activities = new PartyActivities(tx);
    }

    @Override
    public String module() {
        return "core";
    }

    @Override
    public String section() {
        return "next-activity";
    }

    @Override
    public String title() {
        return "Next planned activity";
    }

    @Override
    public String requiredPermission() {
        return CorePermissions.ACTIVITY_READ;
    }

    @Override
    public OverviewSectionDTO contribute(String partyId) {
        Optional<Long> party = Ids.parse(partyId);
        if (party.isEmpty()) {
            return OverviewSectionDTO.of(List.of(), List.of());
        }
        OverviewSectionDTO section = OverviewSectionDTO.of(List.of(
                KeyFigureDTO.count("planned", "Planned activities", activities.plannedCount(party.get())),
                KeyFigureDTO.count("overdue", "Overdue activities", activities.overdue(party.get(), Instant.now()))),
                activities.planned(party.get(), 1).stream().map(PartyActivities::item).toList());
        section.href = "/activities?partyId=" + partyId + "&status=PLANNED";
        return section;
    }
}
