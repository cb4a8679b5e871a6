package org.tessera.crm.insurance.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A claim on a policy term. The loss date must fall in a term of the policy (the claim is filed on
 * that term) where every claimed coverage was effective. Server-owned: {@code id}, {@code status},
 * {@code holderPartyId}, {@code amounts[].paid}, {@code payments}, {@code version}, timestamps.
 */
public class ClaimDTO {
    public String id;
    public String number;
    public String policyId;
    public String policyNumber;
    public LocalDate lossDate;
    public LocalDate reportedDate;
    /** For example WATER_DAMAGE, COLLISION, THEFT. */
    public String type;
    public String description;
    public ClaimStatus status;
    public List<ClaimAmountDTO> amounts = new ArrayList<>();
    public List<ClaimParticipantDTO> participants = new ArrayList<>();
    public List<ClaimPaymentDTO> payments = new ArrayList<>();
    /**
     * The service request that handles the claim when the service module is installed (its SLA
     * applies); {@code null} otherwise.
     */
    public String serviceRequestId;
    public String holderPartyId;
    public Map<String, Object> customFields = new LinkedHashMap<>();
    public long version;
    public Instant createdAt;
    public Instant updatedAt;
}
