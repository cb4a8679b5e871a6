package org.tessera.crm.insurance.impl.link;

import java.util.Optional;

import org.tessera.crm.insurance.api.ClaimDTO;
import org.tessera.crm.insurance.api.PolicyDTO;

/**
 * The seam to the service module: opens the service request that handles a claim. Registered only
 * by a component that needs the service module's API; while that module is absent, no link exists
 * and claims are handled without one.
 */
public interface ServiceRequestLink {
    /** Opens a request for the claim, its SLA applying; returns the request's id. */
    String open(ClaimDTO claim, PolicyDTO policy);

    /** The request's status, if the service module still knows it. */
    Optional<String> statusOf(String requestId);
}
