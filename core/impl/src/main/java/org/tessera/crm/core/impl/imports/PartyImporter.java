package org.tessera.crm.core.impl.imports;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tessera.crm.core.api.EntityTypes;
import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.core.api.event.CoreEvents;
import org.tessera.crm.core.api.imports.ImportReport;
import org.tessera.crm.core.api.imports.ImportRow;
import org.tessera.crm.core.api.imports.PartyImportService;
import org.tessera.crm.core.api.imports.RejectedRow;
import org.tessera.crm.core.api.party.PartyDTO;
import org.tessera.crm.core.api.security.CallerContext;
import org.tessera.crm.core.api.security.RecordScope;
import org.tessera.crm.core.api.spi.ValidationService;
import org.tessera.crm.core.impl.audit.AuditTrail;
import org.tessera.crm.core.impl.event.DomainEvents;
import org.tessera.crm.core.impl.event.EventProperties;
import org.tessera.crm.core.impl.jpa.Tx;
import org.tessera.crm.core.impl.support.ChangedFields;
import org.tessera.crm.core.impl.support.Times;

/**
 * Bulk import of parties in transactions of {@link #CHUNK_ROWS} rows. When the database refuses
 * a chunk (a concurrent writer took an external id between our read and our insert, say), the
 * chunk is rolled back and replayed one row per transaction, so that only the rows at fault
 * are rejected and every other row of the chunk is still written.
 */
@Component(service = PartyImportService.class)
public class PartyImporter implements PartyImportService {
    /** Rows per transaction: large enough for JDBC batches to pay, small enough to keep memory flat. */
    static final int CHUNK_ROWS = 500;
    private static final Logger LOG = LoggerFactory.getLogger(PartyImporter.class);
    private static final Set<String> SERVER_OWNED = Set.of("id", "version", "createdAt", "updatedAt");

    private final Tx tx;
    private final ValidationService validation;
    private final DomainEvents events;
    private final PartyImportChunk.Security security;

    @Activate
    public PartyImporter(@Reference(name = "tx") Tx tx, @Reference(name = "validation") ValidationService validation,
            @Reference(name = "events") DomainEvents events, @Reference(name = "callers") CallerContext callers,
            @Reference(name = "scope") RecordScope scope, @Reference(name = "audit") AuditTrail audit) {
        this.tx = tx;
        this.validation = validation;
        this.events = events;
        this.security = new PartyImportChunk.Security(callers, scope, audit);
    }

    @Override
    public ImportReport importParties(Iterator<ImportRow<PartyDTO>> rows) {
        ImportReport report = new ImportReport();
        List<ImportRow<PartyDTO>> chunk = new ArrayList<>(CHUNK_ROWS);
        while (rows.hasNext()) {
            chunk.add(rows.next());
            if (chunk.size() == CHUNK_ROWS) {
                record(runChunk(chunk), report);
                chunk.clear();
            }
        }
        if (!chunk.isEmpty()) {
            record(runChunk(chunk), report);
        }
        return report;
    }

    private List<Outcome> runChunk(List<ImportRow<PartyDTO>> chunk) {
        try {
            return tx.required(em -> {
                try {
                    return new PartyImportChunk(em, validation, security, LocalDate.now(), Times.now()).run(chunk);
                } catch (SQLException e) {
                    throw new ChunkRefused(e);
                }
            });
        } catch (RuntimeException e) {
            if (chunk.size() == 1) {
                LOG.warn("Import row {} refused by the database", chunk.get(0).line, e);
                return List.of(Outcome.rejected(chunk.get(0).line, List.of(new FieldError(null, "refused",
                        "the database refused the row: " + rootMessage(e)))));
            }
            LOG.info("Import chunk of lines {}-{} refused ({}); replaying it row by row", chunk.get(0).line,
                    chunk.get(chunk.size() - 1).line, rootMessage(e));
            List<Outcome> outcomes = new ArrayList<>();
            for (ImportRow<PartyDTO> row : chunk) {
                outcomes.addAll(runChunk(List.of(row)));
            }
            return outcomes;
        }
    }

    /** Counts the committed outcomes and posts their events. */
    private void record(List<Outcome> outcomes, ImportReport report) {
        for (Outcome outcome : outcomes) {
            switch (outcome.kind()) {
                case CREATED -> {
                    report.created++;
                    events.post(CoreEvents.PARTY_CREATED, EventProperties.of(EntityTypes.PARTY, outcome.partyId(), 1L, null));
                }
                case UPDATED -> {
                    report.updated++;
                    if (outcome.after() == null) {
                        // a later line replaced a party created earlier in the same transaction: one event, created
                        break;
                    }
                    events.post(CoreEvents.PARTY_UPDATED, EventProperties.of(EntityTypes.PARTY, outcome.partyId(),
                            outcome.after().version, ChangedFields.between(outcome.before(), outcome.after(), SERVER_OWNED)));
                }
                case UNCHANGED -> report.unchanged++;
                case REJECTED -> {
                    report.rejected++;
                    report.errors.add(new RejectedRow(outcome.line(), outcome.errors()));
                }
            }
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    /** A checked JDBC failure carried out of the transaction callback, so that the transaction rolls back. */
    private static final class ChunkRefused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ChunkRefused(SQLException cause) {
            super(cause);
        }
    }
}
