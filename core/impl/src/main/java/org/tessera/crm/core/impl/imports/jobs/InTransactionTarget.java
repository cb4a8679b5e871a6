package org.tessera.crm.core.impl.imports.jobs;

import java.util.Iterator;

import org.tessera.crm.core.api.imports.ImportReport;
import org.tessera.crm.core.api.imports.ImportRow;

/**
 * A target of the core's own unit, which can import a chunk in the worker's transaction: the rows
 * and the job's progress then commit together, so that a node dying between the two cannot leave
 * rows written that the job has not recorded (they would be handed over again on resume). A chunk
 * the database refuses fails the whole; the worker then runs it through {@code importRows}, whose
 * transactions of its own isolate the rows at fault. A module's target writes through its own unit,
 * another connection, and cannot join.
 */
interface InTransactionTarget<T> {
    ImportReport importRowsInCallerTransaction(Iterator<ImportRow<T>> rows);
}
