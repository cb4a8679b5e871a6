package org.tessera.crm.service.impl.rest;

import java.io.InputStream;

import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.tessera.crm.core.api.imports.ImportReport;
import org.tessera.crm.core.api.security.RequiresPermission;
import org.tessera.crm.core.kit.rest.NdjsonRows;
import org.tessera.crm.core.kit.rest.ObjectMappers;
import org.tessera.crm.service.api.RequestDTO;
import org.tessera.crm.service.api.RequestService;
import org.tessera.crm.service.impl.ServicePermissions;

/**
 * {@code POST /v1/service/requests:import}, as the core's {@code /v1/parties:import}: NDJSON in, one
 * request per line (upsert by number, else externalId), the report out.
 */
@Component(service = RequestImportResource.class)
@JaxrsResource
@JaxrsApplicationSelect(ServiceApplication.SELECT)
@JSONRequired
@Path("/requests:import")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "service requests")
public class RequestImportResource {
    static final String NDJSON = "application/x-ndjson";

    private final RequestService requests;
    private final ObjectMapper mapper = ObjectMappers.create();

    @Activate
    public RequestImportResource(@Reference RequestService requests) {
        this.requests = requests;
    }

    @Operation(summary = "Import requests (NDJSON, upsert by number or externalId): a migrated request keeps its number;"
            + " a malformed or invalid line is a rejected row with its line number and reasons")
    @POST
    @Consumes(NDJSON)
    @RequiresPermission(ServicePermissions.REQUEST_WRITE)
    public ImportReport importRequests(InputStream body) {
        return requests.importRequests(new NdjsonRows<>(body, mapper, RequestDTO.class));
    }
}
