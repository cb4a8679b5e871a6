package org.tessera.crm.core.rest.resource;

import javax.ws.rs.core.UriInfo;

import org.tessera.crm.core.api.party.PartyQuery;
import org.tessera.crm.core.api.party.PartyStatus;
import org.tessera.crm.core.api.party.PartyType;
import org.tessera.crm.core.kit.rest.QueryParams;

/** The filters of the party list, parsed once for the list and for the export, which take the same ones. */
final class PartyFilters {
    private PartyFilters() {
    }

    static PartyQuery parse(String q, String type, String classification, String ownerId, String orgUnitId, String status,
            UriInfo uriInfo) {
        PartyQuery query = new PartyQuery();
        query.q = QueryParams.text(q);
        query.type = QueryParams.enumValue("type", type, PartyType.class);
        query.classification = QueryParams.text(classification);
        query.ownerId = QueryParams.text(ownerId);
        query.orgUnitId = QueryParams.text(orgUnitId);
        query.status = QueryParams.enumValue("status", status, PartyStatus.class);
        query.customFields = QueryParams.customFieldFilters(uriInfo.getQueryParameters());
        return query;
    }
}
