package org.tessera.crm.insurance.impl.rest;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.tessera.crm.core.api.security.RequiresPermission;
import org.tessera.crm.insurance.api.HouseholdInsuranceDTO;
import org.tessera.crm.insurance.api.LapseRunDTO;
import org.tessera.crm.insurance.api.PolicyService;
import org.tessera.crm.insurance.api.RenewalRunDTO;
import org.tessera.crm.insurance.api.RenewalService;
import org.tessera.crm.insurance.api.RunResultDTO;
import org.tessera.crm.insurance.impl.service.InsurancePermissions;

/**
 * The runs over many terms ({@code POST /renewal-runs}, {@code POST /lapse-runs}) and the rollup of a
 * person or household ({@code GET /households/{partyId}}).
 */
@Component(service = RunsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(InsuranceApplication.SELECT)
@JSONRequired
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class RunsResource {
    private final RenewalService renewals;
    private final PolicyService policies;

    @Activate
    public RunsResource(@Reference RenewalService renewals, @Reference PolicyService policies) {
        this.renewals = renewals;
        this.policies = policies;
    }

    @POST
    @Path("renewal-runs")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(InsurancePermissions.RUN)
    public RunResultDTO renew(RenewalRunDTO run) {
        return renewals.renew(run);
    }

    @POST
    @Path("lapse-runs")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(InsurancePermissions.RUN)
    public RunResultDTO lapse(LapseRunDTO run) {
        return renewals.lapse(run);
    }

    @GET
    @Path("households/{partyId}")
    @RequiresPermission(InsurancePermissions.POLICY_READ)
    public HouseholdInsuranceDTO household(@PathParam("partyId") String partyId) {
        return policies.household(partyId);
    }
}
