package org.tessera.crm.examples.dealer.impl;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.persistence.EntityManager;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tessera.crm.core.api.ConflictException;
import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.core.api.NotFoundException;
import org.tessera.crm.core.api.ValidationException;
import org.tessera.crm.core.api.activity.ActivityDTO;
import org.tessera.crm.core.api.activity.ActivityService;
import org.tessera.crm.core.api.activity.ActivityStatus;
import org.tessera.crm.core.api.audit.AuditRecorder;
import org.tessera.crm.core.api.party.PartyService;
import org.tessera.crm.core.api.security.RecordScope;
import org.tessera.crm.core.api.spi.ValidationService;
import org.tessera.crm.core.kit.Ids;
import org.tessera.crm.core.kit.Versions;
import org.tessera.crm.core.kit.jpa.ModuleAudit;
import org.tessera.crm.core.kit.jpa.Tx;
import org.tessera.crm.examples.dealer.api.TestDriveDTO;
import org.tessera.crm.examples.dealer.api.VehicleDTO;
import org.tessera.crm.examples.dealer.api.VehicleService;

/**
 * Vehicles in the pack's own tables. The owner is a core party, checked through the core API and
 * the caller's record scope: a vehicle whose owner the caller may not see does not exist for them.
 */
@Component(service = VehicleService.class)
public class VehicleServiceImpl implements VehicleService {
    private final Tx tx;
    private final PartyService parties;
    private final ActivityService activities;
    private final RecordScope scope;
    private final ValidationService validation;
    private final ModuleAudit audit;
    private final Clock clock = Clock.systemUTC();

    @Activate
    public VehicleServiceImpl(@Reference(name = "tx", target = "(osgi.unit.name=tessera-dealer)") Tx tx, @Reference PartyService parties, @Reference ActivityService activities, @Reference RecordScope scope,
            @Reference ValidationService validation, @Reference AuditRecorder auditRecorder) {
        this.tx = tx;
        this.audit = new ModuleAudit(auditRecorder);
        this.parties = parties;
        this.activities = activities;
        this.scope = scope;
        this.validation = validation;
    }

    @Override
    public VehicleDTO create(VehicleDTO draft) {
        checkWritable(draft, null);
        return tx.required(em -> {
            requireUniqueVin(em, draft.vin, null);
            VehicleEntity entity = new VehicleEntity();
            VehicleMapper.copyWritable(draft, entity);
            entity.createdAt = VehicleMapper.utc(clock.instant());
            entity.updatedAt = entity.createdAt;
            em.persist(entity);
            em.flush();
            VehicleDTO created = VehicleMapper.toDto(entity);
            audit.created(em, VEHICLE, created.id, created);
            return created;
        });
    }

    @Override
    public VehicleDTO get(String id) {
        return tx.required(em -> VehicleMapper.toDto(visible(em, id)));
    }

    @Override
    public VehicleDTO update(String id, Long expectedVersion, VehicleDTO desired) {
        VehicleDTO previous = get(id);
        checkWritable(desired, previous);
        return tx.required(em -> {
            VehicleEntity entity = visible(em, id);
            Versions.check(VEHICLE, id, expectedVersion, entity.version);
            requireUniqueVin(em, desired.vin, entity.id);
            VehicleDTO before = VehicleMapper.toDto(entity);
            VehicleMapper.copyWritable(desired, entity);
            entity.updatedAt = VehicleMapper.utc(clock.instant());
            em.flush();
            VehicleDTO after = VehicleMapper.toDto(entity);
            audit.updated(em, VEHICLE, id, before, after);
            return after;
        });
    }

    @Override
    public void delete(String id, Long expectedVersion) {
        tx.required(em -> {
            VehicleEntity entity = visible(em, id);
            Versions.check(VEHICLE, id, expectedVersion, entity.version);
            audit.deleted(em, VEHICLE, id, VehicleMapper.toDto(entity));
            em.remove(entity);
            return null;
        });
    }

    @Override
    public List<VehicleDTO> ownedBy(String partyId) {
        Long owner = Ids.parse(partyId).orElse(null);
        if (owner == null || !scope.canAccessParty(partyId) || parties.find(partyId).isEmpty()) {
            throw new NotFoundException("PARTY", partyId);
        }
        return tx.required(em -> {
            List<VehicleDTO> vehicles = new ArrayList<>();
            em.createQuery("select v from VehicleEntity v where v.ownerPartyId = :owner order by v.id", VehicleEntity.class)
                    .setParameter("owner", owner).getResultList().forEach(v -> vehicles.add(VehicleMapper.toDto(v)));
            return vehicles;
        });
    }

    @Override
    public ActivityDTO recordTestDrive(String vehicleId, TestDriveDTO testDrive) {
        VehicleDTO vehicle = get(vehicleId);
        List<FieldError> errors = VehicleRules.check(testDrive);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        ActivityDTO activity = new ActivityDTO();
        activity.type = TEST_DRIVE;
        activity.subject = "Test drive: " + vehicle.make + " " + vehicle.model;
        activity.description = testDrive.notes;
        activity.status = ActivityStatus.DONE;
        activity.startAt = testDrive.startAt;
        activity.endAt = testDrive.endAt;
        activity.ownerId = testDrive.agentId;
        activity.assigneeId = testDrive.agentId;
        activity.outcome = testDrive.outcome;
        activity.participants.add(testDrive.partyId);
        activity.links.add(VehicleService.link(vehicle.id));
        // The core validates the participant (existence, scope), the outcome and the agent.
        return activities.create(activity);
    }

    private void checkWritable(VehicleDTO vehicle, VehicleDTO previous) {
        VehicleRules.normalize(vehicle);
        List<FieldError> errors = new ArrayList<>(VehicleRules.check(vehicle, LocalDate.now(clock)));
        if (vehicle.ownerPartyId != null && !vehicle.ownerPartyId.isBlank()
                && (Ids.parse(vehicle.ownerPartyId).isEmpty() || parties.find(vehicle.ownerPartyId).isEmpty()
                        || !scope.canAccessParty(vehicle.ownerPartyId))) {
            errors.add(FieldError.invalid("ownerPartyId", "no such party"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        validation.validate(VEHICLE, vehicle, previous);
    }

    /** The vehicle, if it exists and its owner is within the caller's scope. */
    private VehicleEntity visible(EntityManager em, String id) {
        Long key = Ids.parse(id).orElse(null);
        VehicleEntity entity = key == null ? null : em.find(VehicleEntity.class, key);
        if (entity == null || !scope.canAccessParty(String.valueOf(entity.ownerPartyId))) {
            throw new NotFoundException(VEHICLE, id);
        }
        return entity;
    }

    private static void requireUniqueVin(EntityManager em, String vin, Long exceptId) {
        List<Long> holders = em.createQuery("select v.id from VehicleEntity v where v.vin = :vin", Long.class)
                .setParameter("vin", vin).getResultList();
        if (holders.stream().anyMatch(holder -> !holder.equals(exceptId))) {
            throw new ConflictException("vin", "a vehicle with VIN " + vin + " exists");
        }
    }
}
