package org.tessera.crm.core.kit.rest;

import java.io.IOException;
import java.math.BigDecimal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;

import org.tessera.crm.core.kit.Decimals;

/**
 * Reads a {@link BigDecimal} field as Jackson does, then refuses a value beyond
 * {@link Decimals}' bounds, so that no amount, price or rate of any module reaches
 * {@code setScale()} or {@code toPlainString()} with an exponent of millions.
 */
final class BoundedDecimalDeserializer extends StdScalarDeserializer<BigDecimal> {
    private static final long serialVersionUID = 1L;

    BoundedDecimalDeserializer() {
        super(BigDecimal.class);
    }

    @Override
    public BigDecimal deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        BigDecimal value = NumberDeserializers.BigDecimalDeserializer.instance.deserialize(parser, context);
        String problem = Decimals.problemOf(value);
        if (problem != null) {
            throw new NumberOutOfRangeException(parser, problem, value);
        }
        return value;
    }
}
