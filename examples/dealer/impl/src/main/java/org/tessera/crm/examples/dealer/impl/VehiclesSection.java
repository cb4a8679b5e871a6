package org.tessera.crm.examples.dealer.impl;

import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tessera.crm.core.api.overview.KeyFigureDTO;
import org.tessera.crm.core.api.overview.OverviewItemDTO;
import org.tessera.crm.core.api.overview.OverviewSectionDTO;
import org.tessera.crm.core.api.spi.OverviewContributor;
import org.tessera.crm.examples.dealer.api.VehicleDTO;
import org.tessera.crm.examples.dealer.api.VehicleService;

/** The vehicles a party owns, in its overview: how many, and each of them, newest first. */
@Component
public class VehiclesSection implements OverviewContributor {
    private final VehicleService vehicles;

    @Activate
    public VehiclesSection(@Reference VehicleService vehicles) {
        this.vehicles = vehicles;
    }

    @Override
    public String module() {
        return VehicleService.MODULE;
    }

    @Override
    public String section() {
        return "vehicles";
    }

    @Override
    public String title() {
        return "Vehicles";
    }

    @Override
    public String requiredPermission() {
        return DealerPermissions.VEHICLE_READ;
    }

    @Override
    public OverviewSectionDTO contribute(String partyId) {
        // the vehicle service reads as the caller: a party outside their scope is not found
        List<VehicleDTO> owned = vehicles.ownedBy(partyId);
        List<OverviewItemDTO> items = new ArrayList<>();
        for (int i = owned.size() - 1; i >= 0; i--) {
            items.add(item(owned.get(i)));
        }
        OverviewSectionDTO section = OverviewSectionDTO.of(List.of(KeyFigureDTO.count("count", "Vehicles", owned.size())), items);
        section.href = "/dealer/vehicles?ownerPartyId=" + partyId;
        return section;
    }

    private static OverviewItemDTO item(VehicleDTO vehicle) {
        OverviewItemDTO item = new OverviewItemDTO();
        item.id = VehicleService.link(vehicle.id);
        item.type = VehicleService.VEHICLE;
        item.title = vehicle.make + " " + vehicle.model + (vehicle.modelYear == null ? "" : " (" + vehicle.modelYear + ")");
        item.subtitle = vehicle.vin + (vehicle.registration == null ? "" : " · " + vehicle.registration);
        item.date = vehicle.purchasedOn;
        item.href = "/dealer/vehicles/" + vehicle.id;
        return item;
    }
}
