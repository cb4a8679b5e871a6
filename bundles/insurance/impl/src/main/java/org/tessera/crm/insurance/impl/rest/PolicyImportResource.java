package org.tessera.crm.insurance.impl.rest;

import java.io.InputStream;

import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

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
import org.tessera.crm.insurance.api.PolicyDTO;
import org.tessera.crm.insurance.api.PolicyService;
import org.tessera.crm.insurance.impl.service.InsurancePermissions;

/**
 * {@code POST /v1/insurance/policies:import}: NDJSON, one policy per line as in
 * {@code POST /policies} (with its coverages and participants), upserted by number; the per-row
 * report out, as the core's {@code :import} endpoints answer. A root resource of its own, so that
 * its path cannot compete with {@code /policies/{id}}.
 */
@Component(service = PolicyImportResource.class)
@JaxrsResource
@JaxrsApplicationSelect(InsuranceApplication.SELECT)
@JSONRequired
@Path("/policies:import")
@Produces(MediaType.APPLICATION_JSON)
public class PolicyImportResource {
    static final String NDJSON = "application/x-ndjson";
    private final PolicyService policies;

    @Activate
    public PolicyImportResource(@Reference PolicyService policies) {
        this.policies = policies;
    }

    @POST
    @Consumes(NDJSON)
    @RequiresPermission(InsurancePermissions.POLICY_WRITE)
    public ImportReport importPolicies(InputStream body) {
        return policies.importPolicies(new NdjsonRows<>(body, ObjectMappers.create(), PolicyDTO.class));
    }
}
