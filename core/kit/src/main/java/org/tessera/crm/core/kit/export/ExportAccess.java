package org.tessera.crm.core.kit.export;

import org.tessera.crm.core.api.ForbiddenException;
import org.tessera.crm.core.api.security.CallerContext;

/**
 * An export needs two permissions: its own, declared on the resource method
 * ({@code @RequiresPermission("sales.opportunity.export")}), and the list's read permission,
 * checked here, since exporting is reading everything at once.
 */
public final class ExportAccess {
    private ExportAccess() {
    }

    /** @throws ForbiddenException 403 when the caller lacks {@code readPermission} */
    public static void requireRead(CallerContext callers, String readPermission) {
        if (!callers.permits(readPermission)) {
            throw new ForbiddenException(null, "exporting needs the permission " + readPermission + " too");
        }
    }
}
