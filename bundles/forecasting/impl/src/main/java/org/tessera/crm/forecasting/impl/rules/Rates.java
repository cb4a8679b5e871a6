package org.tessera.crm.forecasting.impl.rules;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * Dated exchange rates: the rate of a pair on a date is the one valid from the latest date on or
 * before it; a pair known only the other way round is inverted.
 */
public final class Rates {
    /** One unit of {@code from} is worth {@code rate} units of {@code to} from {@code validFrom} on. */
    public record Rate(String from, String to, BigDecimal rate, LocalDate validFrom) {
    }

    private final Collection<Rate> rates;

    public Rates(Collection<Rate> rates) {
        this.rates = rates;
    }

    public Optional<BigDecimal> rate(String from, String to, LocalDate on) {
        if (from.equals(to)) {
            return Optional.of(BigDecimal.ONE);
        }
        Optional<Rate> direct = latest(from, to, on);
        if (direct.isPresent()) {
            return Optional.of(direct.get().rate());
        }
        return latest(to, from, on).filter(r -> r.rate().signum() > 0)
                .map(r -> BigDecimal.ONE.divide(r.rate(), MathContext.DECIMAL64));
    }

    private Optional<Rate> latest(String from, String to, LocalDate on) {
        return rates.stream().filter(r -> r.from().equals(from) && r.to().equals(to) && !r.validFrom().isAfter(on))
                .max(Comparator.comparing(Rate::validFrom));
    }
}
