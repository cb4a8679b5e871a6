package org.tessera.crm.banking.impl.rest;

import java.util.Set;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.tessera.crm.banking.impl.BankingPermissions;
import org.tessera.crm.core.api.Page;
import org.tessera.crm.core.api.security.RequiresPermission;
import org.tessera.crm.core.kit.rest.EntityTags;
import org.tessera.crm.core.kit.rest.Responses;
import org.tessera.crm.banking.api.OfferRuleDTO;
import org.tessera.crm.banking.api.OfferService;
import org.tessera.crm.banking.api.rules.ConditionEngine;

/**
 * {@code /v1/banking/offer-rules}: the next-best-offer rules. A rule is validated whole: an unknown
 * condition type, parameter or field is a 422 naming its path ({@code conditions[0].parameters.foo}).
 */
@Component(service = OfferRulesResource.class)
@JaxrsResource
@JaxrsApplicationSelect(BankingApplication.SELECT)
@JSONRequired
@Path("/offer-rules")
@Produces(MediaType.APPLICATION_JSON)
public class OfferRulesResource {
    private final OfferService offers;
    private final ConditionEngine engine;

    @Activate
    public OfferRulesResource(@Reference OfferService offers, @Reference ConditionEngine engine) {
        this.offers = offers;
        this.engine = engine;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(BankingPermissions.RULE_ADMIN)
    public Response createRule(OfferRuleDTO draft, @Context UriInfo uriInfo) {
        OfferRuleDTO created = offers.createRule(draft == null ? new OfferRuleDTO() : draft);
        return Responses.created(uriInfo, created.id, created.version, created);
    }

    @GET
    @RequiresPermission(BankingPermissions.CLIENT_READ)
    public Page<OfferRuleDTO> rules() {
        return Responses.items(offers.rules());
    }

    /** The condition types usable now: the composites and those of the evaluators registered. */
    @GET
    @Path("condition-types")
    @RequiresPermission(BankingPermissions.CLIENT_READ)
    public Set<String> conditionTypes() {
        return engine.types();
    }

    @GET
    @Path("{id}")
    @RequiresPermission(BankingPermissions.CLIENT_READ)
    public Response getRule(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        OfferRuleDTO rule = offers.getRule(id);
        return Responses.read(rule, rule.version, ifNoneMatch);
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(BankingPermissions.RULE_ADMIN)
    public Response replaceRule(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, OfferRuleDTO desired) {
        OfferRuleDTO updated = offers.updateRule(id, EntityTags.requiredVersion(ifMatch), desired == null ? new OfferRuleDTO() : desired);
        return Responses.written(updated, updated.version);
    }

    @DELETE
    @Path("{id}")
    @RequiresPermission(BankingPermissions.RULE_ADMIN)
    public Response deleteRule(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        offers.deleteRule(id, EntityTags.expectedVersion(ifMatch));
        return Response.noContent().build();
    }
}
