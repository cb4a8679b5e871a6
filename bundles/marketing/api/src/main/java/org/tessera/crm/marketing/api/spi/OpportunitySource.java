package org.tessera.crm.marketing.api.spi;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Registered by the module that holds opportunities and leads (sales), so that campaign totals
 * and attribution are computed by the database: every module's tables are in the one Tessera
 * database, and the source describes its rows as SQL selects with fixed column names. Marketing
 * wraps them in its own queries; when no source is registered, the sales figures are zero.
 */
@ConsumerType
public interface OpportunitySource {

    /**
     * A {@code SELECT} of every opportunity, with the columns {@code opportunity_id} (bigint),
     * {@code account_id} (bigint: the account party), {@code campaign_id} (varchar: the opaque
     * campaign id, or null), {@code won} (integer 1 or 0), {@code amount} (decimal, may be null),
     * {@code created_at} (timestamp).
     */
    String opportunitiesSql();

    /**
     * A {@code SELECT} of every lead, with the columns {@code campaign_id} (varchar, or null) and
     * {@code converted} (integer 1 or 0).
     */
    String leadsSql();
}
