package org.tessera.crm.core.kit.jpa;

import java.sql.Timestamp;
import java.time.Instant;

import javax.persistence.AttributeConverter;
import javax.persistence.Converter;

/**
 * JPA 2.2 maps java.time local types but not {@link Instant}; stored as a TIMESTAMP. List it in the
 * module's persistence unit and use it with {@code @Convert(converter = InstantConverter.class)}.
 */
@Converter
public class InstantConverter implements AttributeConverter<Instant, Timestamp> {
    @Override
    public Timestamp convertToDatabaseColumn(Instant value) {
        return value == null ? null : Timestamp.from(value);
    }

    @Override
    public Instant convertToEntityAttribute(Timestamp value) {
        return value == null ? null : value.toInstant();
    }
}
