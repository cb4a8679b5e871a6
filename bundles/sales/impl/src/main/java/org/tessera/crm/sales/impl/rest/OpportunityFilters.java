package org.tessera.crm.sales.impl.rest;

import org.tessera.crm.core.kit.rest.QueryParams;
import org.tessera.crm.sales.api.OpportunityQuery;
import org.tessera.crm.sales.api.OpportunityStatus;

/** The filters of the opportunity list, parsed once for the list and for the export, which take the same ones. */
final class OpportunityFilters {
    private OpportunityFilters() {
    }

    static OpportunityQuery parse(String accountId, String ownerId, String pipelineId, String stage, String status,
            String closeFrom, String closeTo) {
        OpportunityQuery query = new OpportunityQuery();
        query.accountId = QueryParams.text(accountId);
        query.ownerId = QueryParams.text(ownerId);
        query.pipelineId = QueryParams.text(pipelineId);
        query.stage = QueryParams.text(stage);
        query.status = QueryParams.enumValue("status", status, OpportunityStatus.class);
        CloseDateRange closing = CloseDateRange.of(closeFrom, closeTo);
        query.closeFrom = closing.from();
        query.closeTo = closing.to();
        return query;
    }
}
