package org.tessera.crm.core.impl.imports.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tessera.crm.core.api.ConflictException;
import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.core.api.ForbiddenException;
import org.tessera.crm.core.api.NotFoundException;
import org.tessera.crm.core.api.RecordExport;
import org.tessera.crm.core.api.ValidationException;
import org.tessera.crm.core.api.imports.ImportFormat;
import org.tessera.crm.core.api.imports.ImportJobDTO;
import org.tessera.crm.core.api.imports.ImportJobRequest;
import org.tessera.crm.core.api.imports.ImportJobService;
import org.tessera.crm.core.api.imports.ImportJobState;
import org.tessera.crm.core.api.imports.ImportReportRow;
import org.tessera.crm.core.api.imports.ImportTarget;
import org.tessera.crm.core.api.security.Caller;
import org.tessera.crm.core.api.security.CallerContext;
import org.tessera.crm.core.api.security.CorePermissions;
import org.tessera.crm.core.impl.support.Times;
import org.tessera.crm.core.kit.rest.ObjectMappers;

/**
 * Receives import jobs and answers about them; the {@link ImportJobWorker} works them. Everything a
 * job could be refused for is checked before it is queued: the type, the caller's permission for it,
 * the format, and for CSV the mapping against the file's header.
 */
@Component(service = ImportJobService.class)
public class ImportJobServiceImpl implements ImportJobService {
    /** The entity type named by a job's not-found. */
    static final String ENTITY = "IMPORT_JOB";
    /** The request's field naming the entity type. */
    static final String TYPE_FIELD = "type";

    private final ImportJobWorker worker;
    private final ImportTargets targets;
    private final CallerContext callers;
    private final ObjectMapper mapper = ObjectMappers.create();

    @Activate
    public ImportJobServiceImpl(@Reference(name = "worker") ImportJobWorker worker, @Reference(name = "targets") ImportTargets targets,
            @Reference(name = "callers") CallerContext callers) {
        this.worker = worker;
        this.targets = targets;
        this.callers = callers;
    }

    @Override
    public Map<String, String> entityTypes() {
        return targets.types();
    }

    @Override
    public ImportJobDTO submit(ImportJobRequest request, InputStream file) {
        Caller caller = callers.current().orElseThrow(() -> new ForbiddenException(null, "no caller"));
        ImportTarget<?> target = checkTarget(request.entityType, caller);
        if (request.format == null) {
            throw new ValidationException(FieldError.invalid("format", "must be ndjson or csv"));
        }
        Map<String, String> mapping = request.mapping == null ? Map.of() : request.mapping;
        if (request.format == ImportFormat.NDJSON && !mapping.isEmpty()) {
            throw new ValidationException(FieldError.invalid(ColumnMapping.FIELD, "only a CSV file has columns to map"));
        }
        StoredJob job = new StoredJob();
        job.id = UUID.randomUUID().toString();
        job.entityType = target.entityType();
        job.format = request.format;
        job.mapping = new LinkedHashMap<>(mapping);
        job.fileName = request.fileName;
        job.state = ImportJobState.QUEUED;
        job.submittedBy = caller.login();
        job.runAsSystem = caller.isSystem();
        job.callerRoles = caller.roles();
        job.callerUnit = caller.orgUnitId();
        job.submittedAt = Times.now();
        // the parts first, the job last: a queued job's file is always all there
        ImportFiles.Received received = worker.files().write(job.id, file);
        try {
            if (received.bytes() == 0) {
                throw new ValidationException(FieldError.required("body"));
            }
            job.fileParts = received.parts();
            if (job.format == ImportFormat.CSV) {
                checkHeader(job, target);
            }
            job.totalRows = JobProgress.rowsOf(received.lines(), job.format == ImportFormat.CSV);
            worker.store().insert(job);
        } catch (RuntimeException e) {
            worker.files().delete(job.id);
            throw e;
        }
        worker.wake();
        return job.toDto();
    }

    private ImportTarget<?> checkTarget(String entityType, Caller caller) {
        if (entityType == null || entityType.isBlank()) {
            throw new ValidationException(FieldError.required(TYPE_FIELD));
        }
        ImportTarget<?> target = targets.find(entityType.strip()).orElseThrow(() -> new ValidationException(
                FieldError.invalid(TYPE_FIELD, "'" + entityType + "' is not an importable type here; one of " + targets.types().keySet())));
        if (!caller.hasPermission(target.permission())) {
            throw new ForbiddenException(TYPE_FIELD, "importing " + target.entityType() + " needs the permission " + target.permission());
        }
        return target;
    }

    /** Binds the mapping to the stored file's header, as the worker will: a 400 now rather than a failed job. */
    private void checkHeader(StoredJob job, ImportTarget<?> target) {
        try (InputStream in = worker.files().open(job.id, job.fileParts)) {
            new CsvRows<>(new InputStreamReader(in, StandardCharsets.UTF_8), job.mapping, mapper, target.rowType(),
                    RowTypes.properties(mapper, target.rowType()), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<ImportJobDTO> find(String id) {
        return visible(id).map(StoredJob::toDto);
    }

    @Override
    public List<ImportJobDTO> list(int limit) {
        if (limit < 1 || limit > 1000) {
            throw new ValidationException(FieldError.invalid("limit", "must be between 1 and 1000"));
        }
        return worker.store().list(viewer(), limit).stream().map(StoredJob::toDto).toList();
    }

    @Override
    public ImportJobDTO cancel(String id) {
        StoredJob job = visible(id).orElseThrow(() -> new NotFoundException(ENTITY, id));
        if (!worker.store().finish(job.id, ImportJobState.CANCELLED, "cancelled by " + callers.currentLogin(), Times.now(), null)) {
            throw new ConflictException("state", "the job is already " + worker.store().find(id, null).map(j -> j.state)
                    .orElse(ImportJobState.CANCELLED) + "; only a QUEUED or RUNNING job can be cancelled");
        }
        if (job.state == ImportJobState.QUEUED) {
            worker.files().delete(job.id); // a running job's file is deleted by its node after its chunk (or swept, if that node died)
        }
        return worker.store().find(id, null).orElseThrow().toDto();
    }

    @Override
    public RecordExport<ImportReportRow> report(String id) {
        StoredJob job = visible(id).orElseThrow(() -> new NotFoundException(ENTITY, id));
        return new RecordExport<>() {
            @Override
            public List<String> customFieldKeys() {
                return List.of();
            }

            @Override
            public long forEach(Sink<? super ImportReportRow> sink) throws IOException {
                long[] count = {0};
                worker.store().report(job.id, row -> {
                    sink.accept(row);
                    count[0]++;
                });
                return count[0];
            }
        };
    }

    private Optional<StoredJob> visible(String id) {
        if (id == null || !id.matches("[0-9a-f-]{36}")) {
            return Optional.empty();
        }
        return worker.store().find(id, viewer());
    }

    /** The login whose jobs the caller sees, {@code null} for every job; no caller sees nothing. */
    private String viewer() {
        Caller caller = callers.current().orElseThrow(() -> new ForbiddenException(null, "no caller"));
        return caller.isSystem() || caller.hasPermission(CorePermissions.ALL_RECORDS) ? null : caller.login();
    }
}
