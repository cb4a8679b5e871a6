package org.tessera.crm.insurance.impl.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.core.api.ValidationException;
import org.tessera.crm.core.api.imports.ImportReport;
import org.tessera.crm.core.api.imports.ImportRow;
import org.tessera.crm.core.kit.RowImports;
import org.tessera.crm.insurance.api.CoverageDTO;
import org.tessera.crm.insurance.api.EndorsementDTO;
import org.tessera.crm.insurance.api.PolicyDTO;

/**
 * NDJSON import of policies, by the core's conventions: each row is matched by its {@code number}
 * to the latest term of that policy, then created (a first term, with its coverages and
 * participants), updated (its writable fields and participants replaced; changed coverages or
 * premium become an endorsement dated on the row's {@code asOf}, or today), or left alone when
 * nothing changed. A rejected row is reported with its line and reasons and never stops the others.
 */
final class PolicyImport {
    private final PolicyServiceImpl policies;

    PolicyImport(PolicyServiceImpl policies) {
        this.policies = policies;
    }

    ImportReport run(Iterator<ImportRow<PolicyDTO>> rows) {
        return RowImports.run(rows, this::upsert);
    }

    private void upsert(PolicyDTO row, ImportReport report) {
        if (row == null || row.number == null || row.number.isBlank()) {
            throw new ValidationException(FieldError.required("number"));
        }
        PolicyDTO existing = policies.latestTerm(row.number.strip());
        if (existing == null) {
            policies.create(row);
            report.created++;
            return;
        }
        boolean termChanged = !Objects.equals(writable(existing), writable(row));
        boolean coverChanged = (row.premium != null && row.premium.compareTo(existing.premium) != 0)
                || (row.coverages != null && !row.coverages.isEmpty() && !Objects.equals(PolicyMapper.write(strip(row.coverages)),
                        PolicyMapper.write(strip(existing.coverages))));
        if (!termChanged && !coverChanged) {
            report.unchanged++;
            return;
        }
        PolicyDTO current = existing;
        if (termChanged) {
            current = policies.update(existing.id, existing.version, row);
        }
        if (coverChanged) {
            LocalDate on = row.asOf != null ? row.asOf : current.asOf;
            List<CoverageDTO> coverages = row.coverages == null || row.coverages.isEmpty() ? null : row.coverages;
            BigDecimal premium = row.premium;
            policies.endorse(current.id, current.version, new EndorsementDTO(on, "import", premium, coverages));
        }
        report.updated++;
    }

    /** The fields an import replaces, in a comparable form. */
    private static String writable(PolicyDTO d) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("lineOfBusiness", d.lineOfBusiness);
        fields.put("product", d.product);
        fields.put("premiumFrequency", d.premiumFrequency);
        fields.put("billingMethod", d.billingMethod);
        fields.put("currency", d.currency == null ? "EUR" : d.currency);
        fields.put("carrier", d.carrier);
        fields.put("paidThrough", d.paidThrough);
        fields.put("agentId", d.agentId);
        fields.put("orgUnitId", d.orgUnitId);
        fields.put("participants", d.participants);
        fields.put("customFields", d.customFields == null ? Map.of() : d.customFields);
        return PolicyMapper.write(fields);
    }

    /** Coverages with their amounts at one scale, so that 100 and 100.0000 compare equal. */
    private static List<CoverageDTO> strip(List<CoverageDTO> coverages) {
        List<CoverageDTO> out = new ArrayList<>();
        for (CoverageDTO c : coverages) {
            if (c == null) {
                out.add(null);
                continue;
            }
            CoverageDTO copy = new CoverageDTO();
            copy.code = c.code;
            copy.name = c.name;
            copy.category = c.category;
            copy.limit = c.limit;
            copy.deductible = c.deductible;
            copy.premiumPart = c.premiumPart;
            copy.effectiveFrom = c.effectiveFrom;
            copy.effectiveTo = c.effectiveTo;
            copy.insuredPartyId = c.insuredPartyId;
            copy.insuredAsset = c.insuredAsset;
            copy.limit = norm(copy.limit);
            copy.deductible = norm(copy.deductible);
            copy.premiumPart = norm(copy.premiumPart);
            out.add(copy);
        }
        return out;
    }

    private static BigDecimal norm(BigDecimal v) {
        return v == null ? null : v.stripTrailingZeros();
    }

}
