package org.tessera.crm.service.impl.rest;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.core.api.ValidationException;
import org.tessera.crm.core.api.security.RequiresPermission;
import org.tessera.crm.core.api.Page;
import org.tessera.crm.core.kit.rest.Responses;
import org.tessera.crm.service.api.sla.CalendarDTO;
import org.tessera.crm.service.api.sla.SlaPolicyDTO;
import org.tessera.crm.service.api.sla.SlaSetup;
import org.tessera.crm.service.impl.ServicePermissions;
import org.tessera.crm.service.impl.sla.EngineClock;
import org.tessera.crm.service.impl.sla.SlaScheduler;

/**
 * {@code /v1/service/sla}: business calendars and SLA policies, and the scheduler's controls: a sweep
 * now, the due email retries now, and the test clock. The clock's offset can be set only
 * when {@code testClockEnabled=true} in {@code org.tessera.crm.service} (off by default); it exists
 * so that tests move time without sleeping.
 */
@Component(service = SlaAdminResource.class)
@JaxrsResource
@JaxrsApplicationSelect(ServiceApplication.SELECT)
@JSONRequired
@Path("/sla")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "service sla")
public class SlaAdminResource {
    private final SlaScheduler scheduler;
    private final EngineClock clock;
    private final SlaSetup sla;

    @Activate
    public SlaAdminResource(@Reference SlaScheduler scheduler, @Reference EngineClock clock, @Reference SlaSetup sla) {
        this.sla = sla;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    @Operation(summary = "Run one scheduler sweep now; answers how many deadlines fired")
    @POST
    @Path("sweep")
    @RequiresPermission(ServicePermissions.SLA_ADMIN)
    public Map<String, Object> sweep() {
        long started = System.nanoTime();
        int fired = scheduler.sweepNow();
        return Map.of("fired", fired, "millis", (System.nanoTime() - started) / 1_000_000);
    }

    @Operation(summary = "Retry now the email documents whose next delivery attempt is due; answers how many were sent")
    @POST
    @Path("retry-documents")
    @RequiresPermission(ServicePermissions.SLA_ADMIN)
    public Map<String, Object> retryDocuments() {
        return Map.of("sent", scheduler.retryDocumentsNow());
    }

    @GET
    @Path("calendars")
    @RequiresPermission(ServicePermissions.REQUEST_READ)
    public Page<CalendarDTO> calendars() {
        return Responses.items(sla.calendars());
    }

    @PUT
    @Path("calendars/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(ServicePermissions.SETUP)
    public CalendarDTO putCalendar(@PathParam("code") String code, CalendarDTO body) {
        required(body).code = code;
        return sla.putCalendar(body);
    }

    @GET
    @Path("policies")
    @RequiresPermission(ServicePermissions.REQUEST_READ)
    public Page<SlaPolicyDTO> policies() {
        return Responses.items(sla.policies());
    }

    @Operation(summary = "Store a new version of an SLA policy; running milestones keep the version they started with")
    @PUT
    @Path("policies/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(ServicePermissions.SETUP)
    public SlaPolicyDTO putPolicy(@PathParam("code") String code, SlaPolicyDTO body) {
        required(body).code = code;
        return sla.putPolicy(body);
    }

    /** The engine's time. */
    public static class ClockDTO {
        public Instant now;
        public long offsetMinutes;
        public boolean testClockEnabled;
    }

    @GET
    @Path("clock")
    @RequiresPermission(ServicePermissions.SLA_ADMIN)
    public ClockDTO clock() {
        ClockDTO dto = new ClockDTO();
        dto.now = clock.now();
        dto.offsetMinutes = clock.offset().toMinutes();
        dto.testClockEnabled = clock.testClockEnabled();
        return dto;
    }

    @Operation(summary = "Move the engine's clock (tests only: refused with 422 unless testClockEnabled)")
    @PUT
    @Path("clock")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(ServicePermissions.SLA_ADMIN)
    public ClockDTO setClock(ClockDTO body) {
        if (body == null) {
            throw new ValidationException(FieldError.required("offsetMinutes"));
        }
        clock.setOffset(Duration.ofMinutes(body.offsetMinutes));
        return clock();
    }

    private static <T> T required(T body) {
        if (body == null) {
            throw new ValidationException(FieldError.required("body"));
        }
        return body;
    }
}
