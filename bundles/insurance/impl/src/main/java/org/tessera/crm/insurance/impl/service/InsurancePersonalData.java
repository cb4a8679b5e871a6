package org.tessera.crm.insurance.impl.service;

import java.time.Period;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.tessera.crm.core.api.privacy.PersonalDataProvider;
import org.tessera.crm.core.kit.privacy.PersonalDataTables;
import org.tessera.crm.core.kit.privacy.PersonalTable;
import org.tessera.crm.core.kit.privacy.TablePersonalDataProvider;
import org.tessera.crm.insurance.api.Insurance;

/**
 * What the insurance pack holds about a person: the policies they hold, are a participant in or are
 * insured by, and the claims they made or take part in. Policies and claims changed within their
 * retention period (configurable, {@code etc/org.tessera.crm.insurance.privacy.cfg}) are kept as they
 * are; older ones lose their free texts. The unit keeps no shared cache.
 */
@Component(service = PersonalDataProvider.class, configurationPid = InsurancePersonalData.PID)
@Designate(ocd = InsurancePersonalData.Config.class)
public class InsurancePersonalData extends TablePersonalDataProvider {
    static final String PID = "org.tessera.crm.insurance.privacy";

    @ObjectClassDefinition(name = "Tessera insurance: personal data retention")
    public @interface Config {
        @AttributeDefinition(description = "Years a policy is kept unchanged after its last change")
        int policyRetentionYears() default 10;

        @AttributeDefinition(description = "Years a claim is kept unchanged after its last change")
        int claimRetentionYears() default 10;
    }

    @Activate
    public InsurancePersonalData(Config config) {
        super(tables(config.policyRetentionYears(), config.claimRetentionYears()), null);
    }

    static PersonalDataTables tables(int policyYears, int claimYears) {
        return PersonalDataTables.of("insurance",
                "policies are kept " + policyYears + " years and claims " + claimYears
                        + " years after their last change (insurance law); older ones lose their free texts",
                PersonalTable.of(Insurance.POLICY, "ins_policy", "holder_party_id = ?")
                        .exports("policy_number", "line_of_business", "product", "status", "effective_date", "expiry_date", "carrier",
                                "cancellation_reason", "created_at", "updated_at")
                        .blanks("cancellation_reason", "health_json")
                        .customValues("ins_policy_custom_value", "policy_id", "value_json").versioned()
                        .keptWhile("updated_at", Period.ofYears(policyYears), "policies are kept " + policyYears + " years after their last change"),
                PersonalTable.of("INSURANCE_POLICY_PARTICIPANT", "ins_policy_participant", "party_id = ?").id("policy_id")
                        .exports("participant_role", "valid_from", "valid_thru", "minor"),
                PersonalTable.of("INSURANCE_COVERAGE", "ins_policy_coverage", "insured_party_id = ?").id("policy_id")
                        .exports("code", "name", "asset_type", "asset_description"),
                PersonalTable.of(Insurance.CLAIM, "ins_claim",
                        "holder_party_id = ? OR id IN (SELECT cp.claim_id FROM ins_claim_participant cp WHERE cp.party_id = ?)")
                        .exports("claim_number", "policy_id", "loss_date", "reported_date", "claim_type", "description", "status",
                                "created_at", "updated_at")
                        .blanks("description")
                        .customValues("ins_claim_custom_value", "claim_id", "value_json").versioned()
                        .keptWhile("updated_at", Period.ofYears(claimYears), "claims are kept " + claimYears + " years after their last change"));
    }
}
