package org.tessera.crm.service.impl;

import org.osgi.service.component.annotations.Component;
import org.tessera.crm.core.api.privacy.PersonalDataProvider;
import org.tessera.crm.core.kit.privacy.PersonalDataTables;
import org.tessera.crm.core.kit.privacy.PersonalTable;
import org.tessera.crm.core.kit.privacy.TablePersonalDataProvider;
import org.tessera.crm.service.api.RequestService;

/**
 * What service holds about a person: the requests they raised or are the contact of, with their free
 * texts, field history and the documents sent about them. The requests stay (numbers, types, dates,
 * statuses: the service's figures) without their texts. The unit keeps no shared cache.
 */
@Component(service = PersonalDataProvider.class)
public class ServicePersonalData extends TablePersonalDataProvider {
    private static final String REQUESTS = "request_id IN (SELECT r.id FROM service_request r WHERE r.party_id = ? OR r.contact_id = ?)";
    static final PersonalDataTables TABLES = PersonalDataTables.of("service",
            "requests stay for the service figures (number, type, status, dates) without summary, description or resolution",
            PersonalTable.of(RequestService.ENTITY_TYPE, "service_request", "party_id = ? OR contact_id = ?")
                    .exports("number", "type_code", "summary", "description", "customer_reference", "origin", "reason", "product", "status",
                            "resolution", "created_at", "closed_at")
                    .replaces("summary", "(erased)").blanks("description", "resolution", "customer_reference")
                    .customValues("service_request_custom_value", "request_id", "field_value").versioned(),
            PersonalTable.of("SERVICE_REQUEST_HISTORY", "service_request_history", REQUESTS)
                    .exports("request_id", "changed_at", "field", "old_value", "new_value")
                    .blanks("old_value", "new_value"),
            PersonalTable.of("SERVICE_DOCUMENT", "service_document", REQUESTS)
                    .exports("request_id", "kind", "subject", "sent_to", "created_at")
                    .blanks("subject", "html", "pdf", "sent_to"));

    public ServicePersonalData() {
        super(TABLES, null);
    }
}
