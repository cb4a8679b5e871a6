package org.tessera.crm.core.api.privacy;

import java.sql.Connection;
import java.time.Instant;

import org.osgi.annotation.versioning.ProviderType;

/** The transaction an export or erasure runs in, given by the core to each {@link PersonalDataProvider}. */
@ProviderType
public interface PersonalDataContext {

    /** The connection of the core's open transaction; neither commit nor close it. */
    Connection connection();

    /** The instant of the request: the same for the core and every module. */
    Instant now();
}
