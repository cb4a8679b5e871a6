package org.tessera.crm.sales.impl.rest;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.UriInfo;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.tessera.crm.core.kit.rest.TesseraApi;
import org.tessera.crm.core.api.security.RequiresPermission;
import org.tessera.crm.core.kit.rest.QueryParams;
import org.tessera.crm.sales.api.PipelineService;
import org.tessera.crm.sales.api.PipelineSummaryDTO;
import org.tessera.crm.sales.api.PipelineSummaryQuery;
import org.tessera.crm.sales.impl.service.SalesPermissions;

/** The pipeline summary: per stage, count, amount and weighted amount. */
@Component(service = PipelineSummaryResource.class)
@JaxrsResource
@JaxrsApplicationSelect(SalesApplication.SELECT)
@JSONRequired
@Path("/pipeline")
@Produces(MediaType.APPLICATION_JSON)
public class PipelineSummaryResource {
    private final PipelineService pipelines;

    @Activate
    public PipelineSummaryResource(@Reference PipelineService pipelines) {
        this.pipelines = pipelines;
    }

    @GET
    @RequiresPermission(SalesPermissions.OPPORTUNITY_READ)
    public PipelineSummaryDTO getPipelineSummary(@QueryParam("pipeline") String pipeline, @QueryParam("ownerId") String ownerId,
            @QueryParam("closeFrom") String closeFrom, @QueryParam("closeTo") String closeTo,
            @QueryParam("currency") String currency, @Context UriInfo uriInfo) {
        PipelineSummaryQuery query = new PipelineSummaryQuery();
        query.pipelineId = QueryParams.text(pipeline);
        query.ownerId = QueryParams.text(ownerId);
        CloseDateRange closing = CloseDateRange.of(closeFrom, closeTo);
        query.closeFrom = closing.from();
        query.closeTo = closing.to();
        query.currency = QueryParams.text(currency);
        return QueryParams.search(uriInfo.getQueryParameters().keySet(), () -> pipelines.summary(query));
    }
}
