package org.tessera.crm.examples.dealer.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.tessera.crm.core.api.NotFoundException;
import org.tessera.crm.core.api.StaleVersionException;
import org.tessera.crm.core.api.ValidationException;
import org.tessera.crm.core.api.activity.ActivityDTO;

/**
 * Vehicles and their test drives. A vehicle is visible to whoever may see its owner party; one
 * outside the caller's perimeter does not exist for them.
 */
@ProviderType
public interface VehicleService {
    /** Module name, in links ({@code dealer:vehicle:<id>}), events and permissions. */
    String MODULE = "dealer";
    /** Entity type of vehicles, for custom fields and validators. */
    String VEHICLE = "VEHICLE";
    /** The activity type this module adds to the core's {@code activity-type} picklist. */
    String TEST_DRIVE = "TEST_DRIVE";

    /** @throws ValidationException when a field is invalid or the owner does not exist */
    VehicleDTO create(VehicleDTO draft);

    /** @throws NotFoundException when there is no such vehicle in the caller's scope */
    VehicleDTO get(String id);

    /**
     * Replaces the client-writable fields of a vehicle.
     *
     * @param expectedVersion the version the caller read, or {@code null}
     * @throws StaleVersionException when the vehicle changed in between
     */
    VehicleDTO update(String id, Long expectedVersion, VehicleDTO desired);

    void delete(String id, Long expectedVersion);

    /** The vehicles a party owns, oldest first. */
    List<VehicleDTO> ownedBy(String partyId);

    /**
     * Records a test drive of a vehicle as a done core activity of type {@link #TEST_DRIVE}, with
     * the driver as participant and a link to the vehicle.
     */
    ActivityDTO recordTestDrive(String vehicleId, TestDriveDTO testDrive);

    /** Link of a vehicle in core activities: {@code dealer:vehicle:<id>}. */
    static String link(String vehicleId) {
        return MODULE + ":vehicle:" + vehicleId;
    }
}
