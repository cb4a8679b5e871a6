package org.tessera.crm.examples.dealer.impl;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tessera.crm.core.api.spi.TimelineContributor;
import org.tessera.crm.core.api.timeline.TimelineEntryDTO;
import org.tessera.crm.core.api.timeline.TimelineQuery;
import org.tessera.crm.examples.dealer.api.VehicleDTO;
import org.tessera.crm.examples.dealer.api.VehicleService;

/** A party's vehicles in its timeline, at their purchase date (or when they were recorded). */
@Component(property = TimelineContributor.KINDS + "=" + VehicleService.VEHICLE)
public class VehicleTimelineContributor implements TimelineContributor {
    private final VehicleService vehicles;

    @Activate
    public VehicleTimelineContributor(@Reference VehicleService vehicles) {
        this.vehicles = vehicles;
    }

    @Override
    public List<TimelineEntryDTO> entries(TimelineQuery query) {
        List<TimelineEntryDTO> entries = new ArrayList<>();
        for (VehicleDTO vehicle : vehicles.ownedBy(query.partyId)) {
            TimelineEntryDTO entry = entry(vehicle);
            if (query.admits(entry)) {
                entries.add(entry);
            }
        }
        entries.sort(Comparator.comparing((TimelineEntryDTO e) -> e.occurredAt).thenComparing(e -> e.id).reversed());
        return entries.size() > query.limit ? entries.subList(0, query.limit) : entries;
    }

    static TimelineEntryDTO entry(VehicleDTO vehicle) {
        TimelineEntryDTO entry = new TimelineEntryDTO();
        entry.id = VehicleService.link(vehicle.id);
        entry.source = VehicleService.MODULE;
        entry.kind = VehicleService.VEHICLE;
        Instant purchased = vehicle.purchasedOn == null ? null : vehicle.purchasedOn.atStartOfDay().toInstant(ZoneOffset.UTC);
        entry.occurredAt = purchased != null ? purchased : vehicle.createdAt;
        entry.title = vehicle.make + " " + vehicle.model + (vehicle.modelYear == null ? "" : " (" + vehicle.modelYear + ")");
        entry.summary = "Vehicle " + vehicle.vin + (vehicle.registration == null ? "" : ", " + vehicle.registration);
        entry.href = "/dealer/vehicles/" + vehicle.id;
        return entry;
    }
}
