package org.tessera.crm.core.impl.imports.jobs;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The import jobs' worker. */
@ObjectClassDefinition(name = "Tessera import jobs", description = "Where uploaded files wait and how the worker reads them")
public @interface ImportJobsConfig {
    String PID = "org.tessera.crm.imports.jobs";

    @AttributeDefinition(description = "Directory of the uploaded files until their job ends; empty: <karaf.data>/tessera/import-jobs")
    String spoolDirectory() default "";

    @AttributeDefinition(description = "Rows handed to the importer per chunk; the job's progress is committed after each")
    int chunkRows() default 500;

    @AttributeDefinition(description = "How often the worker looks for queued jobs when nothing woke it (a job of another node, a module installed)")
    long pollMillis() default 2000;
}
