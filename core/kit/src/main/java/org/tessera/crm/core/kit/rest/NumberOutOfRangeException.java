package org.tessera.crm.core.kit.rest;

import java.math.BigDecimal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

/**
 * A JSON number beyond {@link org.tessera.crm.core.kit.Decimals}' bounds. Well-formed JSON of the
 * right type, so {@link JsonProblems} answers it with a 422 naming the field, not a 400.
 */
public class NumberOutOfRangeException extends InvalidFormatException {
    private static final long serialVersionUID = 1L;

    public NumberOutOfRangeException(JsonParser parser, String message, BigDecimal value) {
        super(parser, message, value, BigDecimal.class);
    }
}
