package org.tessera.crm.banking.impl.rest;

import java.io.InputStream;

import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.tessera.crm.banking.api.ImportedLifeEventDTO;
import org.tessera.crm.banking.api.LifeEventService;
import org.tessera.crm.banking.impl.BankingPermissions;
import org.tessera.crm.core.api.imports.ImportReport;
import org.tessera.crm.core.api.security.RequiresPermission;
import org.tessera.crm.core.kit.rest.NdjsonRows;
import org.tessera.crm.core.kit.rest.ObjectMappers;

/**
 * {@code POST /v1/banking/life-events:import}: life events from another system as NDJSON, one per
 * line, each naming its person by id or external id; the per-row report out (the core's
 * {@code :import} convention). Loading the same extract twice adds nothing.
 */
@Component(service = LifeEventImportResource.class)
@JaxrsResource
@JaxrsApplicationSelect(BankingApplication.SELECT)
@JSONRequired
@Path("/life-events:import")
@Produces(MediaType.APPLICATION_JSON)
public class LifeEventImportResource {
    private final LifeEventService lifeEvents;
    private final ObjectMapper mapper = ObjectMappers.create();

    @Activate
    public LifeEventImportResource(@Reference LifeEventService lifeEvents) {
        this.lifeEvents = lifeEvents;
    }

    @POST
    @Consumes(AccountImportResource.NDJSON)
    @RequiresPermission(BankingPermissions.CLIENT_WRITE)
    public ImportReport importLifeEvents(InputStream body) {
        return lifeEvents.importLifeEvents(new NdjsonRows<>(body, mapper, ImportedLifeEventDTO.class));
    }
}
