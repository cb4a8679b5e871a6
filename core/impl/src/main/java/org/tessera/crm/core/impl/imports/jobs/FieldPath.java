package org.tessera.crm.core.impl.imports.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Where a CSV cell goes in the row's JSON: a path of names, each optionally indexed
 * ({@code legalName}, {@code externalIds.legacy}, {@code contactMechanisms[0].value}). Two
 * shorthands read as the DTOs name things: {@code custom.<name>} is {@code customFields.<name>},
 * {@code externalId.<source>} is {@code externalIds.<source>}.
 */
final class FieldPath {
    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z_$][A-Za-z0-9_$-]*)(?:\\[(\\d{1,4})])?");
    private static final String CUSTOM_SHORTHAND = "custom.";
    private static final String EXTERNAL_ID_SHORTHAND = "externalId.";

    private record Segment(String name, int index) {
    }

    private final String text;
    private final List<Segment> segments;

    private FieldPath(String text, List<Segment> segments) {
        this.text = text;
        this.segments = segments;
    }

    /** The path, its shorthands expanded; {@code null} when {@code raw} is no path. */
    static FieldPath parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String text = raw.strip();
        if (text.startsWith(CUSTOM_SHORTHAND)) {
            text = "customFields." + text.substring(CUSTOM_SHORTHAND.length());
        } else if (text.startsWith(EXTERNAL_ID_SHORTHAND)) {
            text = "externalIds." + text.substring(EXTERNAL_ID_SHORTHAND.length());
        }
        List<Segment> segments = new ArrayList<>();
        for (String part : text.split("\\.", -1)) {
            Matcher matcher = SEGMENT.matcher(part);
            if (!matcher.matches()) {
                return null;
            }
            segments.add(new Segment(matcher.group(1), matcher.group(2) == null ? -1 : Integer.parseInt(matcher.group(2))));
        }
        return new FieldPath(text, List.copyOf(segments));
    }

    /** The JSON property of the row this path starts at. */
    String property() {
        return segments.get(0).name();
    }

    /** The path as the reports name fields ({@code customFields.segment}). */
    @Override
    public String toString() {
        return text;
    }

    /**
     * Sets {@code value} at this path under {@code root}, creating the objects and array slots on the way.
     *
     * @return {@code false} when another cell already made a part of the path something else
     */
    boolean set(ObjectNode root, String value) {
        JsonNode node = root;
        for (int i = 0; i < segments.size(); i++) {
            Segment segment = segments.get(i);
            boolean last = i == segments.size() - 1;
            if (!(node instanceof ObjectNode object)) {
                return false;
            }
            if (segment.index() < 0) {
                if (last) {
                    object.put(segment.name(), value);
                    return true;
                }
                JsonNode child = object.get(segment.name());
                node = child == null ? object.putObject(segment.name()) : child;
                continue;
            }
            JsonNode existing = object.get(segment.name());
            ArrayNode array = existing == null ? object.putArray(segment.name()) : existing instanceof ArrayNode a ? a : null;
            if (array == null) {
                return false;
            }
            while (array.size() <= segment.index()) {
                array.add(last ? array.nullNode() : array.objectNode());
            }
            if (last) {
                array.set(segment.index(), array.textNode(value));
                return true;
            }
            node = array.get(segment.index());
        }
        return false;
    }
}
