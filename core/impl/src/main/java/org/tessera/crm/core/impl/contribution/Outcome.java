package org.tessera.crm.core.impl.contribution;

import org.tessera.crm.core.api.spi.ContributionStatus;

/**
 * How one call run by {@link BudgetedCalls} came out: its value, or why there is none.
 *
 * @param status OK, TIMEOUT or ERROR
 * @param value the call's result when OK, otherwise {@code null}
 * @param failure what the call threw when ERROR, otherwise {@code null}
 */
public record Outcome<T>(ContributionStatus status, T value, Throwable failure) {

    static <T> Outcome<T> ok(T value) {
        return new Outcome<>(ContributionStatus.OK, value, null);
    }

    static <T> Outcome<T> timeout() {
        return new Outcome<>(ContributionStatus.TIMEOUT, null, null);
    }

    static <T> Outcome<T> error(Throwable failure) {
        return new Outcome<>(ContributionStatus.ERROR, null, failure);
    }

    public boolean ok() {
        return status == ContributionStatus.OK;
    }
}
