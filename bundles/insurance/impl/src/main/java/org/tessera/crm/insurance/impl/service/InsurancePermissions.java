package org.tessera.crm.insurance.impl.service;

import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.tessera.crm.core.api.security.PermissionProvider;
import org.tessera.crm.insurance.api.Insurance;

/** The permissions the pack checks; health data is its sensitive field set. */
@Component
public class InsurancePermissions implements PermissionProvider {
    public static final String POLICY_READ = "insurance.policy.read";
    public static final String POLICY_WRITE = "insurance.policy.write";
    public static final String CLAIM_READ = "insurance.claim.read";
    public static final String CLAIM_WRITE = "insurance.claim.write";
    /** Start renewal and lapse runs over many terms. */
    public static final String RUN = "insurance.run";
    /** See a policy's health declaration. */
    public static final String HEALTH_READ = "insurance.health.read";
    /** Write a policy's health declaration. */
    public static final String HEALTH_WRITE = "insurance.health.write";

    @Override
    public String module() {
        return Insurance.MODULE;
    }

    @Override
    public Set<String> permissions() {
        return Set.of(POLICY_READ, POLICY_WRITE, CLAIM_READ, CLAIM_WRITE, RUN, HEALTH_READ, HEALTH_WRITE);
    }
}
