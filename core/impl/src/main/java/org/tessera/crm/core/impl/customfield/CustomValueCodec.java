package org.tessera.crm.core.impl.customfield;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

import org.tessera.crm.core.api.customfield.CustomFieldType;

/**
 * Canonical text of a normalized custom value, as stored in {@code custom_value.text_value} and
 * compared by equality filters; and back to the canonical Java type.
 */
public final class CustomValueCodec {
    private CustomValueCodec() {
    }

    public static String toText(Object canonical) {
        if (canonical instanceof BigDecimal decimal) {
            return decimal.stripTrailingZeros().toPlainString();
        }
        return canonical.toString();
    }

    /** The numeric column's value, for NUMBER and DECIMAL fields; {@code null} otherwise. */
    public static BigDecimal toNumber(Object canonical) {
        if (canonical instanceof Long l) {
            return BigDecimal.valueOf(l);
        }
        return canonical instanceof BigDecimal d ? d : null;
    }

    public static Object fromText(CustomFieldType type, String text) {
        if (type == null) {
            return text;
        }
        return switch (type) {
            case NUMBER -> Long.valueOf(text);
            case DECIMAL -> new BigDecimal(text);
            case DATE -> LocalDate.parse(text);
            case BOOLEAN -> Boolean.valueOf(text);
            default -> text;
        };
    }

    /**
     * Whether two maps of normalized values hold the same values, compared in their stored text
     * form (a number read back may be another Java type than the one written); null values count
     * as absent.
     */
    public static boolean sameValues(Map<String, Object> a, Map<String, Object> b) {
        return canonical(a).equals(canonical(b));
    }

    private static Map<String, String> canonical(Map<String, Object> values) {
        Map<String, String> text = new TreeMap<>();
        values.forEach((key, value) -> {
            if (value != null) {
                text.put(key, toText(value));
            }
        });
        return text;
    }
}
