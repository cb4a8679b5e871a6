/**
 * Sales forecasting: the positions forecasts roll up through, fiscal periods, quotas, owner and
 * manager adjustments, and the worksheet of a position for a period that is submitted as
 * immutable revisions and locked with its period. Figures come from the opportunities of the
 * sales module, read through its API; forecast categories are those of the sales stages.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.tessera.crm.forecasting.api;
