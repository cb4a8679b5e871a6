package org.tessera.crm.core.api.audit;

import org.osgi.annotation.versioning.ProviderType;
import org.tessera.crm.core.api.Page;

/**
 * Reads the audit trail. The core, and modules through {@link AuditRecorder}, write it in the
 * transaction of each mutation; nothing edits or deletes an audit record.
 */
@ProviderType
public interface AuditService {

    /**
     * Audit records matching {@code query}, newest first, one keyset page at a time.
     *
     * @throws org.tessera.crm.core.api.ValidationException when the cursor or the limit is invalid
     */
    Page<AuditRecordDTO> search(AuditQuery query);
}
