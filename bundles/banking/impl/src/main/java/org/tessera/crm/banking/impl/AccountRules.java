package org.tessera.crm.banking.impl;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.tessera.crm.banking.api.AccountDTO;
import org.tessera.crm.banking.api.AccountRole;
import org.tessera.crm.banking.api.AccountRoleDTO;
import org.tessera.crm.banking.api.AccountStatus;
import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.core.kit.FieldErrors;

/** Field and role rules of accounts; every offending field is reported at once. */
final class AccountRules {
    private static final Pattern NUMBER = Pattern.compile("[A-Z0-9][A-Z0-9-]{3,33}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private AccountRules() {
    }

    /**
     * Upper-cases the number and drops its spaces (an IBAN is printed in groups), so that uniqueness
     * cannot be fooled; a role without a start starts when the account opened, else today.
     */
    static void normalize(AccountDTO account, LocalDate today) {
        if (account.number != null) {
            account.number = account.number.replace(" ", "").toUpperCase(Locale.ROOT);
        }
        if (account.currency != null) {
            account.currency = account.currency.trim().toUpperCase(Locale.ROOT);
        }
        if (account.type != null) {
            account.type = account.type.trim().toUpperCase(Locale.ROOT);
        }
        if (account.status == null) {
            account.status = account.closedOn != null ? AccountStatus.CLOSED : AccountStatus.OPEN;
        }
        for (AccountRoleDTO role : account.roles) {
            if (role != null && role.from == null) {
                role.from = account.openedOn != null ? account.openedOn : today;
            }
        }
    }

    static void check(AccountDTO account, LocalDate today, FieldErrors errors) {
        if (account.number == null || account.number.isBlank()) {
            errors.required("number", account.number);
        } else if (!NUMBER.matcher(account.number).matches()) {
            errors.invalid("number", "must be 4 to 34 letters, digits or dashes");
        }
        errors.required("type", account.type).maxLength("type", account.type, 40).maxLength("product", account.product, 120);
        if (account.currency == null) {
            errors.required("currency", null);
        } else if (!CURRENCY.matcher(account.currency).matches()) {
            errors.invalid("currency", "must be an ISO 4217 code of 3 letters");
        }
        if (account.status == AccountStatus.CLOSED && account.closedOn == null) {
            errors.add(FieldError.required("closedOn"));
        }
        if (account.status != AccountStatus.CLOSED && account.closedOn != null) {
            errors.invalid("closedOn", "only a closed account has a closing date");
        }
        if (account.openedOn != null && account.openedOn.isAfter(today)) {
            errors.invalid("openedOn", "must not be in the future");
        }
        if (account.openedOn != null && account.closedOn != null && account.closedOn.isBefore(account.openedOn)) {
            errors.invalid("closedOn", "must not be before openedOn");
        }
        if (account.interestRate != null && account.interestRate.abs().compareTo(HUNDRED) > 0) {
            errors.invalid("interestRate", "must be between -100 and 100 (percent)");
        }
        if (account.creditLimit != null && account.creditLimit.signum() < 0) {
            errors.invalid("creditLimit", "must not be negative");
        }
        if (account.heldAway) {
            // the bank's own terms mean nothing for an account at another institution
            for (String field : List.of("interestRate", "creditLimit", "branchId")) {
                Object value = switch (field) {
                    case "interestRate" -> account.interestRate;
                    case "creditLimit" -> account.creditLimit;
                    default -> account.branchId;
                };
                if (value != null) {
                    errors.invalid(field, "does not apply to a held-away account");
                }
            }
        }
        checkRoles(account.roles, account.closedOn, errors);
    }

    /**
     * Each role on its own, then the set: exactly one primary owner on every day from the first
     * role's start until the account closes, and the beneficiaries' shares, where given, summing to
     * 100 on every day.
     */
    static void checkRoles(List<AccountRoleDTO> roles, LocalDate closedOn, FieldErrors errors) {
        if (roles == null || roles.isEmpty()) {
            errors.invalid("roles", "an account needs its primary owner");
            return;
        }
        boolean eachValid = true;
        for (int i = 0; i < roles.size(); i++) {
            AccountRoleDTO role = roles.get(i);
            String at = "roles[" + i + "]";
            if (role == null) {
                errors.add(FieldError.required(at));
                eachValid = false;
                continue;
            }
            if (role.partyId == null || role.partyId.isBlank()) {
                errors.add(FieldError.required(at + ".partyId"));
                eachValid = false;
            }
            if (role.role == null) {
                errors.add(FieldError.required(at + ".role"));
                eachValid = false;
            }
            if (role.from == null) {
                errors.add(FieldError.required(at + ".from"));
                eachValid = false;
            } else if (role.thru != null && !role.thru.isAfter(role.from)) {
                errors.invalid(at + ".thru", "must be after from");
                eachValid = false;
            }
            if (role.sharePercent != null) {
                if (role.role != AccountRole.BENEFICIARY) {
                    errors.invalid(at + ".sharePercent", "only a beneficiary has a share");
                } else if (role.sharePercent.signum() <= 0 || role.sharePercent.compareTo(HUNDRED) > 0) {
                    errors.invalid(at + ".sharePercent", "must be more than 0 and at most 100");
                } else if (role.sharePercent.scale() > 2 && role.sharePercent.stripTrailingZeros().scale() > 2) {
                    errors.invalid(at + ".sharePercent", "must have at most 2 decimals");
                }
            }
        }
        if (!eachValid) {
            return;
        }
        String primaries = primaryOwnerProblem(roles, closedOn);
        if (primaries != null) {
            errors.invalid("roles", primaries);
        }
        String shares = beneficiaryShareProblem(roles);
        if (shares != null) {
            errors.invalid("roles", shares);
        }
    }

    /** {@code null} when exactly one primary owner holds on every day the account has roles, until it closes. */
    static String primaryOwnerProblem(List<AccountRoleDTO> roles, LocalDate closedOn) {
        LocalDate start = roles.stream().map(r -> r.from).min(LocalDate::compareTo).orElseThrow();
        TreeSet<LocalDate> days = new TreeSet<>();
        days.add(start);
        for (AccountRoleDTO role : roles) {
            if (role.role == AccountRole.PRIMARY_OWNER) {
                days.add(role.from);
                if (role.thru != null) {
                    days.add(role.thru);
                }
            }
        }
        // between two consecutive boundaries the set of covering roles does not change
        for (LocalDate day : days) {
            if (day.isBefore(start) || (closedOn != null && !day.isBefore(closedOn))) {
                continue;
            }
            long owners = roles.stream().filter(r -> r.role == AccountRole.PRIMARY_OWNER && covers(r, day)).count();
            if (owners == 0) {
                return "no primary owner on " + day + ": exactly one is needed on any date";
            }
            if (owners > 1) {
                return owners + " primary owners on " + day + ": exactly one is allowed on any date";
            }
        }
        return null;
    }

    /** {@code null} when, on every day, the beneficiaries with a share sum to 100 (or none has a share). */
    static String beneficiaryShareProblem(List<AccountRoleDTO> roles) {
        List<AccountRoleDTO> beneficiaries = roles.stream().filter(r -> r.role == AccountRole.BENEFICIARY).toList();
        if (beneficiaries.stream().allMatch(r -> r.sharePercent == null)) {
            return null;
        }
        TreeSet<LocalDate> days = new TreeSet<>();
        beneficiaries.forEach(r -> {
            days.add(r.from);
            if (r.thru != null) {
                days.add(r.thru);
            }
        });
        for (LocalDate day : days) {
            List<AccountRoleDTO> effective = beneficiaries.stream().filter(r -> covers(r, day)).toList();
            if (effective.isEmpty()) {
                continue;
            }
            if (effective.stream().anyMatch(r -> r.sharePercent == null)) {
                return "on " + day + " some beneficiaries have a share and others none: give every one a share";
            }
            BigDecimal sum = effective.stream().map(r -> r.sharePercent).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (sum.compareTo(HUNDRED) != 0) {
                return "the beneficiaries' shares sum to " + sum.stripTrailingZeros().toPlainString() + " % on " + day + ", not 100 %";
            }
        }
        return null;
    }

    static boolean covers(AccountRoleDTO role, LocalDate day) {
        return !role.from.isAfter(day) && (role.thru == null || role.thru.isAfter(day));
    }

    /** The party who is the primary owner on {@code day}, if any. */
    static String primaryOwnerOn(List<AccountRoleDTO> roles, LocalDate day) {
        return roles.stream().filter(r -> r.role == AccountRole.PRIMARY_OWNER && covers(r, day)).map(r -> r.partyId)
                .filter(Objects::nonNull).findFirst().orElse(null);
    }
}
