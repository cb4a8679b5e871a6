package org.tessera.crm.insurance.impl.rules;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.tessera.crm.core.kit.FieldErrors;
import org.tessera.crm.insurance.api.CoverageDTO;

/** A term's coverages in one revision: each well-formed, codes unique, dates within the term. */
public final class CoverageRules {
    private CoverageRules() {
    }

    public static void check(String path, List<CoverageDTO> coverages, LocalDate termStart, LocalDate termEnd, FieldErrors errors) {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < coverages.size(); i++) {
            String at = path + "[" + i + "]";
            CoverageDTO c = coverages.get(i);
            if (c == null) {
                errors.required(at, null);
                continue;
            }
            errors.required(at + ".code", blankToNull(c.code)).maxLength(at + ".code", c.code, 30)
                    .required(at + ".name", blankToNull(c.name)).maxLength(at + ".name", c.name, 120)
                    .required(at + ".category", c.category);
            if (c.code != null && !codes.add(c.code)) {
                errors.invalid(at + ".code", "appears twice in the same revision");
            }
            nonNegative(errors, at + ".limit", c.limit);
            nonNegative(errors, at + ".deductible", c.deductible);
            nonNegative(errors, at + ".premiumPart", c.premiumPart);
            if (c.limit != null && c.deductible != null && c.deductible.compareTo(c.limit) > 0) {
                errors.invalid(at + ".deductible", "exceeds the limit");
            }
            if (c.effectiveFrom != null && c.effectiveTo != null && !c.effectiveFrom.isBefore(c.effectiveTo)) {
                errors.invalid(at + ".effectiveTo", "must be after effectiveFrom");
            }
            if (termStart != null && termEnd != null && c.effectiveFrom != null
                    && (c.effectiveFrom.isBefore(termStart) || !c.effectiveFrom.isBefore(termEnd))) {
                errors.invalid(at + ".effectiveFrom", "must fall within the term");
            }
            if (c.insuredAsset != null) {
                errors.required(at + ".insuredAsset.type", blankToNull(c.insuredAsset.type))
                        .maxLength(at + ".insuredAsset.type", c.insuredAsset.type, 30)
                        .maxLength(at + ".insuredAsset.description", c.insuredAsset.description, 200);
            }
        }
    }

    private static void nonNegative(FieldErrors errors, String field, java.math.BigDecimal value) {
        if (value != null && value.signum() < 0) {
            errors.invalid(field, "must not be negative");
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
