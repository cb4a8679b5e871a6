package org.tessera.crm.banking.impl.rest;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.PATCH;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
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
import org.tessera.crm.core.kit.rest.QueryParams;
import org.tessera.crm.core.kit.rest.Responses;
import org.tessera.crm.core.kit.rest.TesseraApi;
import org.tessera.crm.banking.api.AccountDTO;
import org.tessera.crm.banking.api.AccountQuery;
import org.tessera.crm.banking.api.AccountService;
import org.tessera.crm.banking.api.AccountStatus;
import org.tessera.crm.banking.api.HoldingDTO;
import org.tessera.crm.core.kit.rest.MergePatcher;
import org.tessera.crm.core.kit.rest.ObjectMappers;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code /v1/banking/accounts}: accounts with their roles, and the positions of investment accounts. */
@Component(service = AccountsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(BankingApplication.SELECT)
@JSONRequired
@Path("/accounts")
@Produces(MediaType.APPLICATION_JSON)
public class AccountsResource {
    private final AccountService accounts;
    private final MergePatcher patcher = new MergePatcher(ObjectMappers.create());

    @Activate
    public AccountsResource(@Reference AccountService accounts) {
        this.accounts = accounts;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(BankingPermissions.ACCOUNT_WRITE)
    public Response createAccount(AccountDTO draft, @Context UriInfo uriInfo) {
        AccountDTO created = accounts.create(draft == null ? new AccountDTO() : draft);
        return Responses.created(uriInfo, created.id, created.version, created);
    }

    @GET
    @RequiresPermission(BankingPermissions.ACCOUNT_READ)
    public Page<AccountDTO> searchAccounts(@QueryParam("partyId") String partyId, @QueryParam("type") String type,
            @QueryParam("status") String status, @QueryParam("number") String number, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor, @Context UriInfo uriInfo) {
        AccountQuery query = new AccountQuery();
        query.partyId = QueryParams.text(partyId);
        query.type = QueryParams.text(type);
        query.status = QueryParams.enumValue("status", status, AccountStatus.class);
        query.number = QueryParams.text(number);
        query.limit = QueryParams.limit(limit);
        query.cursor = QueryParams.text(cursor);
        return QueryParams.search(uriInfo.getQueryParameters().keySet(), () -> accounts.search(query));
    }

    @GET
    @Path("{id}")
    @RequiresPermission(BankingPermissions.ACCOUNT_READ)
    public Response getAccount(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        AccountDTO account = accounts.get(id);
        return Responses.read(account, account.version, ifNoneMatch);
    }

    /** Full replace of the account and its role set; If-Match is required. */
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(BankingPermissions.ACCOUNT_WRITE)
    public Response replaceAccount(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, AccountDTO desired) {
        AccountDTO updated = accounts.update(id, EntityTags.requiredVersion(ifMatch), desired == null ? new AccountDTO() : desired);
        return Responses.written(updated, updated.version);
    }

    /** JSON merge patch; without If-Match the version read here guards the write. */
    @PATCH
    @Path("{id}")
    @Consumes(TesseraApi.MERGE_PATCH_JSON)
    @RequiresPermission(BankingPermissions.ACCOUNT_WRITE)
    public Response patchAccount(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, JsonNode patch) {
        Long expected = EntityTags.expectedVersion(ifMatch);
        AccountDTO current = accounts.get(id);
        AccountDTO updated = accounts.update(id, expected != null ? expected : current.version, patcher.apply(current, patch, AccountDTO.class));
        return Responses.written(updated, updated.version);
    }

    @DELETE
    @Path("{id}")
    @RequiresPermission(BankingPermissions.ACCOUNT_WRITE)
    public Response deleteAccount(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        accounts.delete(id, EntityTags.expectedVersion(ifMatch));
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/holdings")
    @RequiresPermission(BankingPermissions.BALANCE_READ)
    public Page<HoldingDTO> holdings(@PathParam("id") String id) {
        return Responses.items(accounts.holdings(id));
    }

    /** Adds or replaces, by instrument, a position of an investment account. */
    @POST
    @Path("{id}/holdings")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(BankingPermissions.ACCOUNT_WRITE)
    public HoldingDTO putHolding(@PathParam("id") String id, HoldingDTO holding) {
        return accounts.putHolding(id, holding == null ? new HoldingDTO() : holding);
    }
}
