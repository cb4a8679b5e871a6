package org.tessera.crm.insurance.impl.service;

import java.math.BigDecimal;

import org.tessera.crm.core.kit.CustomValuesJson;
import org.tessera.crm.core.kit.Ids;
import org.tessera.crm.insurance.api.ClaimAmountDTO;
import org.tessera.crm.insurance.api.ClaimDTO;
import org.tessera.crm.insurance.api.ClaimParticipantDTO;
import org.tessera.crm.insurance.api.ClaimParticipantRole;
import org.tessera.crm.insurance.api.ClaimPaymentDTO;
import org.tessera.crm.insurance.api.ClaimStatus;
import org.tessera.crm.insurance.impl.entity.ClaimAmountValue;
import org.tessera.crm.insurance.impl.entity.ClaimEntity;
import org.tessera.crm.insurance.impl.entity.ClaimParticipantValue;
import org.tessera.crm.insurance.impl.entity.ClaimPaymentValue;

final class ClaimMapper {
    private ClaimMapper() {
    }

    static ClaimDTO toDto(ClaimEntity e, String policyNumber) {
        ClaimDTO d = new ClaimDTO();
        d.id = Ids.format(e.id);
        d.number = e.number;
        d.policyId = Ids.format(e.policyId);
        d.policyNumber = policyNumber;
        d.lossDate = e.lossDate;
        d.reportedDate = e.reportedDate;
        d.type = e.type;
        d.description = e.description;
        d.status = ClaimStatus.valueOf(e.status);
        for (ClaimAmountValue a : e.amounts) {
            ClaimAmountDTO ad = new ClaimAmountDTO();
            ad.coverageCode = a.coverageCode;
            ad.claimed = a.claimed;
            ad.reserved = a.reserved;
            ad.approved = a.approved;
            ad.paid = paid(e, a.coverageCode);
            d.amounts.add(ad);
        }
        for (ClaimParticipantValue p : e.participants) {
            ClaimParticipantDTO pd = new ClaimParticipantDTO();
            pd.partyId = Ids.format(p.partyId);
            pd.role = ClaimParticipantRole.valueOf(p.role);
            d.participants.add(pd);
        }
        for (ClaimPaymentValue p : e.payments) {
            ClaimPaymentDTO pd = new ClaimPaymentDTO();
            pd.coverageCode = p.coverageCode;
            pd.amount = p.amount;
            pd.paidOn = p.paidOn;
            d.payments.add(pd);
        }
        d.serviceRequestId = e.serviceRequestId;
        d.holderPartyId = Ids.format(e.holderPartyId);
        d.customFields = CustomValuesJson.decode(e.customValues);
        d.version = e.version;
        d.createdAt = e.createdAt;
        d.updatedAt = e.updatedAt;
        return d;
    }

    static BigDecimal paid(ClaimEntity e, String coverageCode) {
        return e.payments.stream().filter(p -> p.coverageCode.equals(coverageCode)).map(p -> p.amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
