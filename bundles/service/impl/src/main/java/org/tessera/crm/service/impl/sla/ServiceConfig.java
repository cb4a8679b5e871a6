package org.tessera.crm.service.impl.sla;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The service module's configuration, PID {@code org.tessera.crm.service}. */
@ObjectClassDefinition(name = "Tessera service module")
public @interface ServiceConfig {
    String PID = "org.tessera.crm.service";

    @AttributeDefinition(description = "Seconds between two sweeps of the SLA scheduler")
    int sweepSeconds() default 30;

    @AttributeDefinition(description = "Milestones fired at most per sweep transaction batch")
    int batchSize() default 500;

    @AttributeDefinition(description = "Seconds a node has to run the actions of the SLA deadlines it fired; after that, another node's sweep runs them")
    int slaActionLeaseSeconds() default 300;

    @AttributeDefinition(description = "Lets an administrator move the engine's clock forward (tests only)")
    boolean testClockEnabled() default false;

    @AttributeDefinition(description = "Days after closing during which a request may be reopened")
    int reopenDays() default 30;

    @AttributeDefinition(description = "Attempts to send a generated email before it is marked failed")
    int mailMaxAttempts() default 5;

    @AttributeDefinition(description = "Minutes before the first retry of an email the mail server did not take; doubled at each attempt")
    int mailRetryMinutes() default 1;
}
