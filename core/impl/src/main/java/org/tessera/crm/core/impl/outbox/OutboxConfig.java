package org.tessera.crm.core.impl.outbox;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The outbox dispatcher and the change feed's retention, in {@code etc/org.tessera.crm.outbox.cfg}. */
@ObjectClassDefinition(name = "Tessera event outbox", description = "Dispatch of domain events and retention of the change feed")
public @interface OutboxConfig {
    String PID = "org.tessera.crm.outbox";

    @AttributeDefinition(description = "Days a dispatched change stays in the feed; older ones are purged")
    int retentionDays() default 7;

    @AttributeDefinition(description = "Events given a position and posted per transaction of the dispatcher")
    int batchSize() default 200;

    @AttributeDefinition(description = "Milliseconds between two looks at the outbox when no local commit woke the dispatcher")
    long pollMillis() default 1000;

    @AttributeDefinition(description = "Minutes between two purges of the changes older than the retention")
    long purgeEveryMinutes() default 60;
}
