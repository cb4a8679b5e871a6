package org.tessera.crm.core.rest.resource;

import org.tessera.crm.core.api.activity.ActivityQuery;
import org.tessera.crm.core.api.activity.ActivityStatus;
import org.tessera.crm.core.kit.rest.QueryParams;

/** The filters of the activity list, parsed once for the list and for the export, which take the same ones. */
final class ActivityFilters {
    private ActivityFilters() {
    }

    static ActivityQuery parse(String partyId, String type, String status, String dueFrom, String dueTo, String ownerId,
            String assigneeId, String link) {
        ActivityQuery query = new ActivityQuery();
        query.partyId = QueryParams.text(partyId);
        query.type = QueryParams.text(type);
        query.status = QueryParams.enumValue("status", status, ActivityStatus.class);
        query.dueFrom = QueryParams.instant("dueFrom", dueFrom);
        query.dueTo = QueryParams.instant("dueTo", dueTo);
        query.ownerId = QueryParams.text(ownerId);
        query.assigneeId = QueryParams.text(assigneeId);
        query.link = QueryParams.text(link);
        return query;
    }
}
