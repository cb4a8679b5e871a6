package org.tessera.crm.marketing.impl.service;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** PID org.tessera.crm.marketing: the campaign tree's depth limit and the pace of email sends. */
@ObjectClassDefinition(name = "Tessera marketing")
public @interface MarketingConfig {
    String PID = "org.tessera.crm.marketing";

    @AttributeDefinition(description = "Levels a campaign hierarchy may have (a root campaign is level 1)")
    int hierarchyMaxDepth() default 5;

    @AttributeDefinition(description = "Members sent to per batch of an email send")
    int sendBatchSize() default 50;

    @AttributeDefinition(description = "At most this many emails per second (0: no throttling)")
    int sendMaxPerSecond() default 20;

    @AttributeDefinition(description = "At most this many members per send request; the rest is sent by the next request")
    int sendMaxPerRun() default 5000;

    @AttributeDefinition(description = "Public base URL of the API, for the unsubscribe links in emails")
    String publicApiUrl() default "http://localhost:8181/tessera/api";
}
