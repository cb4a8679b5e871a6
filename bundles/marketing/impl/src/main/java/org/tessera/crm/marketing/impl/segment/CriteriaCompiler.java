package org.tessera.crm.marketing.impl.segment;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.tessera.crm.core.api.customfield.CustomFieldType;
import org.tessera.crm.core.api.party.ContactMechanismType;
import org.tessera.crm.core.api.party.PartyStatus;
import org.tessera.crm.core.api.party.PartyType;
import org.tessera.crm.core.api.spi.SqlCondition;
import org.tessera.crm.core.kit.FieldErrors;
import org.tessera.crm.core.kit.Ids;

/**
 * Turns segment criteria (a JSON tree of {@code and}/{@code or}/{@code not}, field conditions and
 * contributed facts) into one SQL condition over the core's {@code party} table aliased {@code p},
 * so that the database counts, pages and materializes a segment. Every fault is reported with its
 * path inside the criteria ({@code criteria.and[2].field}), all at once; values are bound, never
 * spliced into the SQL.
 */
public final class CriteriaCompiler {
    static final int MAX_DEPTH = 12;
    static final int MAX_NODES = 300;
    static final int MAX_IN_VALUES = 1000;
    private static final Set<String> NODE_KEYS = Set.of("and", "or", "not", "field", "fact");

    private final Function<String, Optional<CustomFieldType>> partyCustomFields;
    private final PartyFacts facts;
    private int nodes;

    /**
     * @param partyCustomFields the type of each custom field defined on parties, by key
     * @param facts             the facts other modules contribute, as installed now
     */
    public CriteriaCompiler(Function<String, Optional<CustomFieldType>> partyCustomFields, PartyFacts facts) {
        this.partyCustomFields = partyCustomFields;
        this.facts = facts;
    }

    /** The condition, or a ValidationException naming each faulty path. An empty tree selects every party. */
    public SqlCondition compile(Map<String, Object> criteria) {
        nodes = 0;
        FieldErrors errors = new FieldErrors();
        Sql sql = new Sql();
        if (criteria == null || criteria.isEmpty()) {
            sql.text.append("1 = 1");
        } else {
            node(criteria, "criteria", 1, sql, errors);
        }
        errors.throwIfAny();
        return new SqlCondition(sql.text.toString(), sql.params);
    }

    private void node(Object raw, String path, int depth, Sql sql, FieldErrors errors) {
        if (++nodes > MAX_NODES) {
            if (nodes == MAX_NODES + 1) {
                errors.invalid(path, "the criteria have more than " + MAX_NODES + " conditions");
            }
            sql.text.append("1 = 0");
            return;
        }
        if (depth > MAX_DEPTH) {
            errors.invalid(path, "the criteria nest deeper than " + MAX_DEPTH + " levels");
            sql.text.append("1 = 0");
            return;
        }
        if (!(raw instanceof Map<?, ?> map)) {
            errors.invalid(path, "must be an object: and, or, not, a field condition or a fact");
            sql.text.append("1 = 0");
            return;
        }
        List<String> kinds = map.keySet().stream().map(String::valueOf).filter(NODE_KEYS::contains).toList();
        if (kinds.size() != 1) {
            errors.invalid(path, "must have exactly one of and, or, not, field, fact");
            sql.text.append("1 = 0");
            return;
        }
        String kind = kinds.get(0);
        Set<String> allowed = switch (kind) {
            case "field" -> Set.of("field", "op", "value");
            case "fact" -> Set.of("fact", "params");
            default -> Set.of(kind);
        };
        for (Object key : map.keySet()) {
            if (!allowed.contains(String.valueOf(key))) {
                errors.invalid(path + "." + key, "unknown member");
            }
        }
        switch (kind) {
            case "and", "or" -> junction(kind, map.get(kind), path + "." + kind, depth, sql, errors);
            case "not" -> {
                sql.text.append("NOT (");
                node(map.get("not"), path + ".not", depth + 1, sql, errors);
                sql.text.append(")");
            }
            case "field" -> field(map, path, sql, errors);
            default -> fact(map, path, sql, errors);
        }
    }

    private void junction(String kind, Object raw, String path, int depth, Sql sql, FieldErrors errors) {
        if (!(raw instanceof List<?> list) || list.isEmpty()) {
            errors.invalid(path, "must be a non-empty array of conditions");
            sql.text.append("1 = 0");
            return;
        }
        sql.text.append("(");
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) {
                sql.text.append(kind.equals("and") ? " AND " : " OR ");
            }
            node(list.get(i), path + "[" + i + "]", depth + 1, sql, errors);
        }
        sql.text.append(")");
    }

    private void fact(Map<?, ?> map, String path, Sql sql, FieldErrors errors) {
        Object name = map.get("fact");
        Object params = map.get("params");
        if (params != null && !(params instanceof Map)) {
            errors.invalid(path + ".params", "must be an object");
            sql.text.append("1 = 0");
            return;
        }
        Map<?, ?> given = params == null ? Map.of() : (Map<?, ?>) params;
        Optional<SqlCondition> condition = name instanceof String text
                ? facts.condition(text, given, "p.id", path, errors) : Optional.empty();
        if (!(name instanceof String) || (condition.isEmpty() && facts.find((String) name).isEmpty())) {
            errors.invalid(path + ".fact", "unknown fact; known: " + facts.names());
        }
        if (condition.isPresent()) {
            sql.text.append("(").append(condition.get().sql()).append(")");
            sql.params.addAll(condition.get().parameters());
        } else {
            sql.text.append("1 = 0");
        }
    }

    private void field(Map<?, ?> map, String path, Sql sql, FieldErrors errors) {
        Object fieldRaw = map.get("field");
        Object opRaw = map.get("op");
        Object value = map.get("value");
        int errorsBefore = errors.list().size();
        if (!(fieldRaw instanceof String field)) {
            errors.invalid(path + ".field", "must be a field name");
            sql.text.append("1 = 0");
            return;
        }
        if (!(opRaw instanceof String op)) {
            errors.invalid(path + ".op", "must be an operator");
            sql.text.append("1 = 0");
            return;
        }
        Sql out = new Sql();
        String valuePath = path + ".value";
        switch (field) {
            case "type" -> enumeration(out, "p.party_type", op, value, PartyType.class, path, errors);
            case "status" -> enumeration(out, "p.status", op, value, PartyStatus.class, path, errors);
            case "classification" -> classification(out, op, value, path, errors);
            case "ownerId" -> reference(out, "p.owner_id", op, value, path, errors);
            case "orgUnitId" -> reference(out, "p.org_unit_id", op, value, path, errors);
            case "createdAt" -> dateRange(out, "p.created_at", op, value, path, errors, true);
            case "activity.last" -> lastActivity(out, op, value, path, errors);
            case "activity.lastOutcome" -> lastOutcome(out, op, value, path, errors);
            default -> {
                if (field.startsWith("customFields.")) {
                    customField(out, field.substring("customFields.".length()), op, value, path, errors);
                } else if (field.startsWith("contact.")) {
                    contact(out, field.substring("contact.".length()), op, value, path, errors);
                } else {
                    errors.invalid(path + ".field", "unknown field; known: type, status, classification, ownerId, orgUnitId,"
                            + " createdAt, activity.last, activity.lastOutcome, customFields.<key>, contact.<EMAIL|PHONE|POSTAL|WEB>");
                }
            }
        }
        if (errors.list().size() > errorsBefore || out.text.length() == 0) {
            if (errors.list().size() == errorsBefore) {
                errors.invalid(valuePath, "is not valid here");
            }
            sql.text.append("1 = 0");
            return;
        }
        sql.text.append("(").append(out.text).append(")");
        sql.params.addAll(out.params);
    }

    private static <E extends Enum<E>> void enumeration(Sql out, String column, String op, Object value, Class<E> type, String path,
            FieldErrors errors) {
        List<String> values = values(op, value, path, errors, raw -> {
            try {
                return Enum.valueOf(type, String.valueOf(raw).toUpperCase(Locale.ROOT)).name();
            } catch (IllegalArgumentException e) {
                return null;
            }
        });
        if (values != null) {
            out.in(column, values);
        }
    }

    private static void classification(Sql out, String op, Object value, String path, FieldErrors errors) {
        List<String> codes = values(op, value, path, errors, raw -> raw instanceof String s && !s.isBlank() ? s.trim().toUpperCase(Locale.ROOT) : null);
        if (codes != null) {
            out.text.append("EXISTS (SELECT 1 FROM party_classification pc WHERE pc.party_id = p.id AND ");
            out.in("pc.code", codes);
            out.text.append(")");
        }
    }

    private static void reference(Sql out, String column, String op, Object value, String path, FieldErrors errors) {
        if (op.equals("isSet")) {
            out.text.append(column).append(" IS NOT NULL");
            return;
        }
        List<Long> ids = values(op, value, path, errors, raw -> raw == null ? null : Ids.parse(String.valueOf(raw)).orElse(null));
        if (ids != null) {
            out.in(column, ids);
        }
    }

    /** The values of an {@code eq} (one) or {@code in} (a non-empty array), each converted or refused; null after an error. */
    private static <T> List<T> values(String op, Object value, String path, FieldErrors errors, Function<Object, T> convert) {
        List<?> raw;
        if (op.equals("eq")) {
            raw = value instanceof List ? null : java.util.Collections.singletonList(value);
        } else if (op.equals("in")) {
            raw = value instanceof List<?> list && !list.isEmpty() && list.size() <= MAX_IN_VALUES ? list : null;
        } else {
            errors.invalid(path + ".op", "must be eq or in for this field");
            return null;
        }
        if (raw == null) {
            errors.invalid(path + ".value", op.equals("eq") ? "must be one value" : "must be an array of 1 to " + MAX_IN_VALUES + " values");
            return null;
        }
        List<T> converted = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            T one = raw.get(i) == null ? null : convert.apply(raw.get(i));
            if (one == null) {
                errors.invalid(op.equals("in") ? path + ".value[" + i + "]" : path + ".value", "is not a valid value for this field");
                return null;
            }
            converted.add(one);
        }
        return converted;
    }

    private static void dateRange(Sql out, String column, String op, Object value, String path, FieldErrors errors, boolean timestamp) {
        Function<Object, Object> bind = raw -> {
            LocalDate day = date(raw);
            return day == null ? null : timestamp ? Timestamp.valueOf(day.atStartOfDay()) : day.toString();
        };
        range(out, column, op, value, path, errors, bind, timestamp);
    }

    /**
     * eq, gt, gte, lt, lte, between ({@code [from, to]}, both inclusive). For a timestamp column
     * compared with days, "lte day" means before the next day starts.
     */
    private static void range(Sql out, String column, String op, Object value, String path, FieldErrors errors,
            Function<Object, Object> bind, boolean dayOfTimestamp) {
        switch (op) {
            case "eq", "gt", "gte", "lt", "lte" -> {
                Object bound = value == null || value instanceof List ? null : bind.apply(value);
                if (bound == null) {
                    errors.invalid(path + ".value", "must be one value of the field's type");
                    return;
                }
                if (dayOfTimestamp && (op.equals("eq") || op.equals("lte") || op.equals("gt"))) {
                    Object next = bind.apply(date(value).plusDays(1).toString());
                    switch (op) {
                        case "eq" -> out.text.append(column).append(" >= ? AND ").append(column).append(" < ?").append(out.add(bound, next));
                        case "lte" -> out.text.append(column).append(" < ?").append(out.add(next));
                        default -> out.text.append(column).append(" >= ?").append(out.add(next));
                    }
                    return;
                }
                String symbol = switch (op) {
                    case "eq" -> " = ?";
                    case "gt" -> " > ?";
                    case "gte" -> " >= ?";
                    case "lt" -> " < ?";
                    default -> " <= ?";
                };
                out.text.append(column).append(symbol).append(out.add(bound));
            }
            case "between" -> {
                if (!(value instanceof List<?> pair) || pair.size() != 2 || pair.get(0) == null || pair.get(1) == null
                        || bind.apply(pair.get(0)) == null || bind.apply(pair.get(1)) == null) {
                    errors.invalid(path + ".value", "must be [from, to] of the field's type");
                    return;
                }
                Object from = bind.apply(pair.get(0));
                Object to = dayOfTimestamp ? bind.apply(date(pair.get(1)).plusDays(1).toString()) : bind.apply(pair.get(1));
                out.text.append(column).append(" >= ? AND ").append(column).append(dayOfTimestamp ? " < ?" : " <= ?").append(out.add(from, to));
            }
            default -> errors.invalid(path + ".op", "must be eq, gt, gte, lt, lte or between for this field");
        }
    }

    private void customField(Sql out, String key, String op, Object value, String path, FieldErrors errors) {
        Optional<CustomFieldType> type = key.isEmpty() ? Optional.empty() : partyCustomFields.apply(key);
        if (type.isEmpty()) {
            errors.invalid(path + ".field", "no custom field " + key + " is defined on parties");
            return;
        }
        String exists = "EXISTS (SELECT 1 FROM custom_value cv WHERE cv.entity_type = 'PARTY' AND cv.entity_id = p.id AND cv.field_key = ?";
        if (op.equals("isSet")) {
            out.text.append(exists).append(out.add(key)).append(")");
            return;
        }
        Sql inner = new Sql();
        switch (type.get()) {
            case NUMBER, DECIMAL -> range(inner, "cv.number_value", op, value, path, errors, CriteriaCompiler::decimal, false);
            case DATE -> range(inner, "cv.text_value", op, value, path, errors, raw -> {
                LocalDate day = date(raw);
                return day == null ? null : day.toString();
            }, false);
            case BOOLEAN -> {
                List<String> flags = values(op, value, path, errors, raw -> raw instanceof Boolean b ? b.toString() : null);
                if (flags != null) {
                    inner.in("cv.text_value", flags);
                }
            }
            default -> {
                List<String> texts = values(op, value, path, errors, raw -> raw instanceof String || raw instanceof Number ? String.valueOf(raw) : null);
                if (texts != null) {
                    inner.in("cv.text_value", texts);
                }
            }
        }
        if (inner.text.length() > 0) {
            out.text.append(exists).append(out.add(key)).append(" AND ").append(inner.text).append(")");
            out.params.addAll(inner.params);
        }
    }

    private static void contact(Sql out, String channel, String op, Object value, String path, FieldErrors errors) {
        ContactMechanismType type;
        try {
            type = ContactMechanismType.valueOf(channel);
        } catch (IllegalArgumentException e) {
            errors.invalid(path + ".field", "contact.<type> takes one of EMAIL, PHONE, POSTAL, WEB");
            return;
        }
        if (value != null) {
            errors.invalid(path + ".value", "takes no value");
            return;
        }
        String exists = "EXISTS (SELECT 1 FROM contact_mechanism cm WHERE cm.party_id = p.id AND cm.mech_type = ?";
        switch (op) {
            case "present" -> out.text.append(exists).append(out.add(type.name())).append(")");
            case "reachable" -> out.text.append(exists).append(" AND cm.opt_out = ?").append(out.add(type.name(), Boolean.FALSE)).append(")");
            case "optedOut" -> out.text.append(exists).append(" AND cm.opt_out = ?").append(out.add(type.name(), Boolean.TRUE)).append(")");
            default -> errors.invalid(path + ".op", "must be present, reachable or optedOut");
        }
    }

    private static final String PARTY_ACTIVITY = "SELECT 1 FROM activity_participant ap JOIN activity a ON a.id = ap.activity_id WHERE ap.party_id = p.id";

    /** {@code before D}: no activity on or after D (never counts); {@code after D}: some activity on or after D. */
    private static void lastActivity(Sql out, String op, Object value, String path, FieldErrors errors) {
        LocalDate day = value instanceof List ? null : date(value);
        if (day == null) {
            errors.invalid(path + ".value", "must be a date (yyyy-mm-dd)");
            return;
        }
        Timestamp start = Timestamp.valueOf(day.atStartOfDay());
        switch (op) {
            case "before" -> out.text.append("NOT EXISTS (").append(PARTY_ACTIVITY).append(" AND a.timeline_at >= ?)").append(out.add(start));
            case "after" -> out.text.append("EXISTS (").append(PARTY_ACTIVITY).append(" AND a.timeline_at >= ?)").append(out.add(start));
            default -> errors.invalid(path + ".op", "must be before or after");
        }
    }

    /** The outcome of the party's latest activity (by timeline time, then id). */
    private static void lastOutcome(Sql out, String op, Object value, String path, FieldErrors errors) {
        List<String> outcomes = values(op, value, path, errors, raw -> raw instanceof String s && !s.isBlank() ? s : null);
        if (outcomes == null) {
            return;
        }
        out.text.append("EXISTS (").append(PARTY_ACTIVITY).append(" AND ");
        out.in("a.outcome", outcomes);
        out.text.append(" AND NOT EXISTS (SELECT 1 FROM activity_participant ap2 JOIN activity a2 ON a2.id = ap2.activity_id")
                .append(" WHERE ap2.party_id = p.id AND (a2.timeline_at > a.timeline_at OR (a2.timeline_at = a.timeline_at AND a2.id > a.id))))");
    }

    static LocalDate date(Object raw) {
        if (!(raw instanceof String text)) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static BigDecimal decimal(Object raw) {
        if (raw instanceof Number || raw instanceof String) {
            try {
                BigDecimal value = new BigDecimal(String.valueOf(raw));
                return value.precision() - value.scale() > 23 || value.scale() > 8 ? null : value;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** SQL being written and its bound values in order. */
    static final class Sql {
        final StringBuilder text = new StringBuilder();
        final List<Object> params = new ArrayList<>();

        /** Binds values and returns "" so that it chains inside an append. */
        String add(Object... values) {
            params.addAll(List.of(values));
            return "";
        }

        <T> void in(String column, List<T> values) {
            if (values.size() == 1) {
                text.append(column).append(" = ?");
            } else {
                text.append(column).append(" IN (").append(String.join(", ", java.util.Collections.nCopies(values.size(), "?"))).append(")");
            }
            params.addAll(values);
        }
    }
}
