package org.tessera.crm.core.impl.imports.jobs;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The import jobs' worker. */
@ObjectClassDefinition(name = "Tessera import jobs", description = "How the worker claims and reads the jobs, on one node or several")
public @interface ImportJobsConfig {
    String PID = "org.tessera.crm.imports.jobs";

    @AttributeDefinition(description = "Rows handed to the importer per chunk; the job's progress is committed after each")
    int chunkRows() default 500;

    @AttributeDefinition(description = "How often the worker looks for queued jobs when nothing woke it (a job of another node, a module installed)")
    long pollMillis() default 2000;

    @AttributeDefinition(description = "This node's name in the claims of the jobs it works (logged, shown in claimed_by); empty:"
            + " the host name and a random suffix, new at each start. Two running nodes must never share one")
    String nodeId() default "";

    @AttributeDefinition(description = "How long a node's claim on a job holds without renewal (it is renewed after each chunk and"
            + " every third of this): a job whose node died is taken over by another node once it runs out")
    long leaseMillis() default 30000;
}
