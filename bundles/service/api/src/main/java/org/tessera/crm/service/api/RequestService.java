package org.tessera.crm.service.api;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;
import org.tessera.crm.core.api.NotFoundException;
import org.tessera.crm.core.api.Page;
import org.tessera.crm.core.api.StaleVersionException;
import org.tessera.crm.core.api.ValidationException;
import org.tessera.crm.core.api.imports.ImportReport;
import org.tessera.crm.core.api.imports.ImportRow;

/**
 * Service requests. A request is visible to whoever may see its party ({@code partyId}); one
 * outside the caller's record scope does not exist for them ({@link NotFoundException}). Every
 * write is validated, kept in the request's history, audited and announced on {@link ServiceTopics}.
 */
@ProviderType
public interface RequestService {
    String MODULE = "service";
    /** Entity type of requests: audit trail, custom fields, validators, SLA subjects. */
    String ENTITY_TYPE = "SERVICE_REQUEST";

    /**
     * Creates a request: numbers it (unless a number is given), routes it by the assignment rules
     * when it has no owner or queue, and starts the SLA milestones of the policy its facts select.
     *
     * @throws ValidationException naming each invalid field
     */
    RequestDTO create(RequestDTO draft);

    /** @throws NotFoundException when there is no such request in the caller's scope */
    RequestDTO get(String id);

    /**
     * Replaces the client-written fields; a status change is validated against the transitions
     * (reopening only within the configured window) and moves the SLA clocks.
     *
     * @throws StaleVersionException when {@code expectedVersion} is given and the request changed since
     */
    RequestDTO update(String id, Long expectedVersion, RequestDTO desired);

    void delete(String id, Long expectedVersion);

    Page<RequestDTO> list(RequestQuery query);

    /** Opens a request from an interaction, taking over its participants, agents and objects. */
    RequestDTO openFromInteraction(OpenFromInteractionDTO command);

    /** Attaches an interaction to a request, adding the participants, agents and objects the request lacks. */
    RequestDTO attachInteraction(String requestId, String activityId);

    /** The request's dossier, by kind (interactions, letters, emails, agents, participants, objects). */
    Map<RequestElementDTO.ElementKind, List<RequestElementDTO>> elements(String requestId);

    /** Every change of the request's fields, oldest first. */
    List<HistoryEntryDTO> history(String requestId);

    /**
     * Imports requests, upserted by {@code number} or {@code externalId}: a migrated request keeps
     * its number. Rows are validated like {@link #create}; a rejected row never stops the others.
     */
    ImportReport importRequests(Iterator<ImportRow<RequestDTO>> rows);

    /** Link of a request in core records and timelines: {@code service:request:<id>}. */
    static String link(String id) {
        return MODULE + ":request:" + id;
    }
}
