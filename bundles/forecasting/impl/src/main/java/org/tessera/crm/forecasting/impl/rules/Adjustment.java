package org.tessera.crm.forecasting.impl.rules;

import java.math.BigDecimal;

/** An adjustment as the rules need it: which position and line, by whom, to what figure. */
public record Adjustment(String positionId, String authorPositionId, LineKey key, BigDecimal amount) {
}
