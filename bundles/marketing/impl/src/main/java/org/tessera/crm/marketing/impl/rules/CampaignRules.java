package org.tessera.crm.marketing.impl.rules;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.tessera.crm.core.kit.FieldErrors;
import org.tessera.crm.marketing.api.CampaignDTO;
import org.tessera.crm.marketing.api.CampaignStatus;

/** The checks of a written campaign that need no database: fields, dates, amounts, status moves. */
public final class CampaignRules {
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final Map<CampaignStatus, Set<CampaignStatus>> MOVES = Map.of(
            CampaignStatus.PLANNED, Set.of(CampaignStatus.ACTIVE, CampaignStatus.ABORTED),
            CampaignStatus.ACTIVE, Set.of(CampaignStatus.COMPLETED, CampaignStatus.ABORTED),
            CampaignStatus.COMPLETED, Set.of(),
            CampaignStatus.ABORTED, Set.of());

    private CampaignRules() {
    }

    /** Trims text and applies defaults (status PLANNED). */
    public static void normalize(CampaignDTO c) {
        c.name = trim(c.name);
        c.sourceCode = trim(c.sourceCode);
        c.description = trim(c.description);
        c.currency = trim(c.currency);
        c.parentId = trim(c.parentId);
        c.ownerId = trim(c.ownerId);
        if (c.status == null) {
            c.status = CampaignStatus.PLANNED;
        }
    }

    public static void check(CampaignDTO c, CampaignStatus previous, FieldErrors errors) {
        errors.required("name", c.name).maxLength("name", c.name, 200);
        errors.required("type", c.type);
        errors.maxLength("sourceCode", c.sourceCode, 50).maxLength("description", c.description, 4000);
        errors.maxLength("callScript", c.callScript, 16000).maxLength("emailSubject", c.emailSubject, 500)
                .maxLength("emailHtml", c.emailHtml, 16000);
        if (c.currency != null && !CURRENCY.matcher(c.currency).matches()) {
            errors.invalid("currency", "must be an ISO 4217 code such as EUR");
        }
        if (c.startDate != null && c.endDate != null && c.endDate.isBefore(c.startDate)) {
            errors.invalid("endDate", "must not be before startDate");
        }
        nonNegative("budgetedCost", c.budgetedCost, errors);
        nonNegative("actualCost", c.actualCost, errors);
        nonNegative("expectedRevenue", c.expectedRevenue, errors);
        if (c.expectedResponsePercent != null && (c.expectedResponsePercent.signum() < 0 || c.expectedResponsePercent.compareTo(HUNDRED) > 0)) {
            errors.invalid("expectedResponsePercent", "must be a percentage from 0 to 100");
        }
        if (previous != null && c.status != previous && !MOVES.get(previous).contains(c.status)) {
            errors.invalid("status", "cannot move from " + previous + " to " + c.status);
        }
    }

    /** Whether a campaign may move from one status to another (staying is always allowed). */
    public static boolean canMove(CampaignStatus from, CampaignStatus to) {
        return from == to || MOVES.get(from).contains(to);
    }

    private static void nonNegative(String field, BigDecimal value, FieldErrors errors) {
        if (value != null && value.signum() < 0) {
            errors.invalid(field, "must not be negative");
        }
    }

    static String trim(String s) {
        if (s == null) {
            return null;
        }
        String t = s.trim();
        return t.isEmpty() ? null : t;
    }
}
