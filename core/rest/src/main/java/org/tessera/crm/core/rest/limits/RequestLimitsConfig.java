package org.tessera.crm.core.rest.limits;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Bounds on what one request may send, in {@code etc/org.tessera.crm.rest.limits.cfg}. */
@ObjectClassDefinition(name = "Tessera request limits", description = "Bounds on request bodies and import lines")
public @interface RequestLimitsConfig {
    String PID = "org.tessera.crm.rest.limits";

    @AttributeDefinition(description = "Largest body, in bytes, of a JSON request (every application, core and modules)")
    long maxBodyBytes() default 1_048_576L;

    @AttributeDefinition(description = "Largest body, in bytes, of a bulk import (NDJSON or CSV), which is streamed row by row")
    long maxImportBodyBytes() default 1_073_741_824L;

    @AttributeDefinition(description = "Longest line, in characters, of an NDJSON import; a longer line is a rejected row")
    int maxImportLineChars() default 1_048_576;
}
