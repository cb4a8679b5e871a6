package org.tessera.crm.insurance.impl.link;

import java.util.Optional;

import org.tessera.crm.core.api.NotFoundException;
import org.tessera.crm.insurance.api.ClaimDTO;
import org.tessera.crm.insurance.api.Insurance;
import org.tessera.crm.insurance.api.PolicyDTO;
import org.tessera.crm.service.api.RequestDTO;
import org.tessera.crm.service.api.RequestService;

/**
 * The link to the service module, through its exported API only; its component description is
 * src/main/osgi/insurance-links.xml (see bnd.bnd). The component needs the
 * service module's {@link RequestService}: it exists (and claims can open requests) only while the
 * service module is installed; the bundle imports {@code org.tessera.crm.service.api} optionally,
 * so the pack resolves and works without it.
 */
public class ServiceModuleLink implements ServiceRequestLink {
    /** The service request type a claim's handling is opened as: one of the types the service module ships. */
    static final String REQUEST_TYPE = "INCIDENT";
    private final RequestService requests;

    public ServiceModuleLink(RequestService requests) {
        this.requests = requests;
    }

    @Override
    public String open(ClaimDTO claim, PolicyDTO policy) {
        RequestDTO request = new RequestDTO();
        request.type = REQUEST_TYPE;
        request.summary = "Claim " + claim.number + " on policy " + claim.policyNumber;
        request.description = claim.type + ", loss on " + claim.lossDate + (claim.description == null ? "" : ": " + claim.description);
        request.partyId = claim.holderPartyId;
        request.customerReference = claim.number;
        request.reason = "INSURANCE_CLAIM";
        request.product = policy.lineOfBusiness + (policy.product == null ? "" : " " + policy.product);
        request.productLink = Insurance.claimLink(claim.id);
        // the service module numbers, routes and starts the SLA of the request; its refusals reach the caller as they are
        return requests.create(request).id;
    }

    @Override
    public Optional<String> statusOf(String requestId) {
        try {
            return Optional.ofNullable(requests.get(requestId).status);
        } catch (NotFoundException gone) {
            return Optional.empty();
        }
    }
}
