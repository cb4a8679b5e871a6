package org.tessera.crm.sales.impl.rest;

import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.tessera.crm.core.api.RecordExport;
import org.tessera.crm.core.api.security.CallerContext;
import org.tessera.crm.core.api.security.RequiresPermission;
import org.tessera.crm.core.kit.export.ExportAccess;
import org.tessera.crm.core.kit.export.ExportColumns;
import org.tessera.crm.core.kit.export.ExportFormat;
import org.tessera.crm.core.kit.export.ExportResponses;
import org.tessera.crm.core.kit.rest.ObjectMappers;
import org.tessera.crm.core.kit.rest.QueryParams;
import org.tessera.crm.sales.api.OpportunityDTO;
import org.tessera.crm.sales.api.OpportunityQuery;
import org.tessera.crm.sales.api.OpportunityService;
import org.tessera.crm.sales.impl.service.SalesPermissions;

/**
 * {@code GET /v1/sales/opportunities:export}: every opportunity the list's filters match, as one
 * NDJSON or CSV file streamed while it is read, through the kit's export mechanism.
 */
@Component(service = OpportunityExportResource.class)
@JaxrsResource
@JaxrsApplicationSelect(SalesApplication.SELECT)
@JSONRequired
@Path("/opportunities:export")
public class OpportunityExportResource {
    private final OpportunityService opportunities;
    private final CallerContext callers;
    private final ObjectMapper mapper = ObjectMappers.create();

    @Activate
    public OpportunityExportResource(@Reference OpportunityService opportunities, @Reference CallerContext callers) {
        this.opportunities = opportunities;
        this.callers = callers;
    }

    /** The list's filters and {@code format} (ndjson, the default, or csv); needs sales.opportunity.read too. */
    @RequiresPermission(SalesPermissions.OPPORTUNITY_EXPORT)
    @GET
    @Produces({"application/x-ndjson", "text/csv", MediaType.APPLICATION_JSON})
    public Response exportOpportunities(
            @QueryParam(ExportFormat.PARAMETER) String format,
            @QueryParam("accountId") String accountId, @QueryParam("ownerId") String ownerId,
            @QueryParam("pipelineId") String pipelineId, @QueryParam("stage") String stage,
            @QueryParam("status") String status, @QueryParam("closeFrom") String closeFrom,
            @QueryParam("closeTo") String closeTo, @Context UriInfo uriInfo) {
        ExportAccess.requireRead(callers, SalesPermissions.OPPORTUNITY_READ);
        ExportFormat chosen = ExportFormat.parse(format);
        OpportunityQuery query = OpportunityFilters.parse(accountId, ownerId, pipelineId, stage, status, closeFrom, closeTo);
        RecordExport<OpportunityDTO> export = QueryParams.search(uriInfo.getQueryParameters().keySet(),
                () -> opportunities.export(query));
        return ExportResponses.stream(chosen, "opportunities", export, mapper, this::columns, callers.currentLogin());
    }

    private ExportColumns<OpportunityDTO> columns(List<String> customKeys) {
        return ExportColumns.of(mapper, OpportunityDTO.class, customKeys);
    }
}
