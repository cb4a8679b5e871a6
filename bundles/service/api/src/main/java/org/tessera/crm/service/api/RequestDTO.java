package org.tessera.crm.service.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tessera.crm.service.api.sla.MilestoneStatusDTO;

/**
 * A service request (a case). {@code id}, {@code statusCategory}, {@code closedAt},
 * {@code milestones}, {@code version}, {@code createdAt} and {@code updatedAt} are the server's.
 * {@code number} is drawn from the type's sequence when absent, or kept as given (a request migrated
 * from another system keeps its number); numbers are unique.
 */
public class RequestDTO {
    public String id;
    public String number;
    /** The request's id in the system it was migrated from, unique; an import finds the request again by it. */
    public String externalId;
    /** A {@link RequestTypeDTO} code; it gives the numbering sequence. */
    public String type;
    /** The abstract: one line saying what the request is about. */
    public String summary;
    public String description;
    /** The account (a core party): the request is visible to whoever may see that party. */
    public String partyId;
    /** The contact person (a core party), optional. */
    public String contactId;
    public String customerReference;
    /** Origin channel: an activity channel code (PHONE, EMAIL, WEB, COUNTER, MAIL, SMS). */
    public String origin;
    public String reason;
    /** The product or asset concerned, as free text. */
    public String product;
    /** Or a record of another module, {@code module:entity:id}. */
    public String productLink;
    /** LOW, MEDIUM, HIGH or URGENT. */
    public String priority;
    /** MINOR, MAJOR or CRITICAL. */
    public String severity;
    /** A {@link StatusDTO} code; transitions are validated. */
    public String status;
    public StatusCategory statusCategory;
    public String parentId;
    /** The agent who owns the request. */
    public String ownerId;
    public String queueId;
    public String resolution;
    /** The template the request was opened with, if any. */
    public String templateCode;
    /** Values of the custom fields defined for {@code SERVICE_REQUEST}, by key. */
    public Map<String, Object> customFields = new LinkedHashMap<>();
    /** The SLA milestones running or completed on the request. */
    public List<MilestoneStatusDTO> milestones = new ArrayList<>();
    public Instant closedAt;
    public long version;
    public Instant createdAt;
    public Instant updatedAt;
}
