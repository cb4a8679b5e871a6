package org.tessera.crm.core.api.imports;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.tessera.crm.core.api.RecordExport;

/**
 * Import jobs: a file is received whole (into the database, a part at a time, never held whole in
 * memory), then worked in the background by one worker of one node, a chunk of rows per transaction
 * of the entity's importer, with progress and a per-row report. A job RUNNING when its node stopped
 * or died resumes, on any node, after its last committed chunk.
 * Every entity type of every module is imported through its {@link ImportTarget}.
 *
 * <p>Reads follow the caller: a caller sees the jobs they submitted; a caller holding
 * {@code all-records} sees every job.
 */
@ProviderType
public interface ImportJobService {

    /** The entity types that can be imported now, each with the permission it needs, in name order. */
    Map<String, String> entityTypes();

    /**
     * Receives {@code file} and queues the job, as the current caller.
     *
     * @throws org.tessera.crm.core.api.ValidationException naming {@code type}, {@code format} or
     *         {@code mapping} (a column missing from the header, a field the type does not have), or
     *         {@code body} when the file is empty
     * @throws org.tessera.crm.core.api.ForbiddenException when the caller lacks the type's permission
     */
    ImportJobDTO submit(ImportJobRequest request, InputStream file);

    /** The job, if the caller may see it. */
    Optional<ImportJobDTO> find(String id);

    /** The caller's jobs (every job with {@code all-records}), newest first. */
    List<ImportJobDTO> list(int limit);

    /**
     * Cancels a queued or running job: the chunk being written completes, nothing after it.
     *
     * @throws org.tessera.crm.core.api.NotFoundException when the caller may not see the job
     * @throws org.tessera.crm.core.api.ConflictException when the job is already finished
     */
    ImportJobDTO cancel(String id);

    /**
     * The report rows in line order, prepared while the caller is known and read later (as an
     * export is, while the response is written).
     *
     * @throws org.tessera.crm.core.api.NotFoundException when the caller may not see the job
     */
    RecordExport<ImportReportRow> report(String id);
}
