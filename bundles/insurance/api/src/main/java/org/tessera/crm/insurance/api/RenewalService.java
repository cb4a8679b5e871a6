package org.tessera.crm.insurance.api;

import org.osgi.annotation.versioning.ProviderType;

/** The set-based runs over many terms. */
@ProviderType
public interface RenewalService {
    RunResultDTO renew(RenewalRunDTO run);

    RunResultDTO lapse(LapseRunDTO run);
}
