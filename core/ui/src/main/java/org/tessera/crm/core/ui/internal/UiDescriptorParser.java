package org.tessera.crm.core.ui.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads and checks a module's {@code tessera-ui.json} (see the web UI contract). Every fault is
 * collected, so that the log tells a module's author all that is wrong at once; a descriptor with
 * any fault is refused whole, never served in part.
 */
final class UiDescriptorParser {
    static final Pattern MODULE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    /** A custom element name: lower case, starts with a letter, holds a hyphen. */
    static final Pattern ELEMENT = Pattern.compile("[a-z][a-z0-9._]*(-[a-z0-9._]*)+");
    /** Names that the HTML standard reserves although they have a hyphen. */
    private static final Set<String> RESERVED_ELEMENTS = Set.of("annotation-xml", "color-profile", "font-face",
            "font-face-src", "font-face-uri", "font-face-format", "font-face-name", "missing-glyph");
    /** A route the module claims: plain segments or {@code :param}s. */
    static final Pattern ROUTE_PATH = Pattern.compile("[a-z0-9][a-z0-9._~-]*(/([a-z0-9._~-]+|:[A-Za-z][A-Za-z0-9]*))*");
    /** A link of a menu entry or action: plain segments, then a query whose {@code {partyId}} the shell fills in. */
    static final Pattern ROUTE_LINK = Pattern.compile("[a-z0-9][a-z0-9._~-]*(/[A-Za-z0-9._~{}-]+)*(\\?[A-Za-z0-9._~=&{}%-]*)?");
    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    static final Pattern LOCALE = Pattern.compile("[a-z]{2}(-[A-Z]{2})?");

    private static final Set<String> ROOT_FIELDS = Set.of("module", "entry", "messages", "menu", "routes",
            "overviewSections", "partyActions");
    private static final Set<String> MENU_FIELDS = Set.of("id", "label", "route", UiDescriptor.PERMISSION, "order");
    private static final Set<String> ROUTE_FIELDS = Set.of("path", "element");
    private static final Set<String> SECTION_FIELDS = Set.of("key", "element");
    private static final Set<String> ACTION_FIELDS = Set.of("id", "label", "route", UiDescriptor.PERMISSION);

    private final ObjectMapper mapper = new ObjectMapper();

    /**
     * @param json the descriptor's bytes
     * @param moduleHeader the bundle's {@code Tessera-Module} header, which the descriptor's module must repeat; or {@code null}
     * @param fileExists whether a file (relative to the UI folder) is in the bundle
     * @throws InvalidUiDescriptorException listing every fault
     */
    UiDescriptor parse(byte[] json, String moduleHeader, Predicate<String> fileExists) throws InvalidUiDescriptorException {
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidUiDescriptorException(List.of("not JSON: " + e.getOriginalMessage()));
        } catch (IOException e) {
            throw new InvalidUiDescriptorException(List.of("unreadable: " + e.getMessage()));
        }
        List<String> faults = new ArrayList<>();
        if (root == null || !root.isObject()) {
            throw new InvalidUiDescriptorException(List.of("not a JSON object"));
        }
        unknownFields(root, ROOT_FIELDS, "", faults);

        String module = text(root, "module", "", faults);
        if (module != null && !MODULE.matcher(module).matches()) {
            faults.add("module: '" + module + "' is not a module name (" + MODULE.pattern() + ")");
        } else if (module != null && moduleHeader != null && !module.equals(moduleHeader.trim())) {
            faults.add("module: '" + module + "' is not the bundle's module '" + moduleHeader.trim() + "' (header Tessera-Module)");
        }

        String entry = text(root, "entry", "", faults);
        if (entry != null) {
            if (UiPaths.safeRelative(entry).isEmpty() || !entry.endsWith(".js")) {
                faults.add("entry: '" + entry + "' is not a plain relative path to a .js file");
            } else if (!fileExists.test(entry)) {
                faults.add("entry: '" + entry + "' is not in the bundle");
            }
        }

        ObjectNode messages = messages(root.get("messages"), faults);
        List<ObjectNode> menu = objects(root, "menu", MENU_FIELDS, faults);
        List<ObjectNode> routes = objects(root, "routes", ROUTE_FIELDS, faults);
        List<ObjectNode> sections = objects(root, "overviewSections", SECTION_FIELDS, faults);
        List<ObjectNode> actions = objects(root, "partyActions", ACTION_FIELDS, faults);

        Set<String> menuIds = new HashSet<>();
        for (int i = 0; i < menu.size(); i++) {
            String at = "menu[" + i + "].";
            ObjectNode item = menu.get(i);
            id(item, at, menuIds, faults);
            label(item, at, messages, faults);
            link(item, at, faults);
            permission(item, at, faults);
            if (item.has("order") && !item.get("order").canConvertToInt()) {
                faults.add(at + "order: must be an integer");
            }
        }
        Set<String> paths = new HashSet<>();
        for (int i = 0; i < routes.size(); i++) {
            String at = "routes[" + i + "].";
            String path = text(routes.get(i), "path", at, faults);
            if (path != null) {
                if (!ROUTE_PATH.matcher(path).matches()) {
                    faults.add(at + "path: '" + path + "' is not a route (segments or :params, no leading '/')");
                } else if (module != null && !path.equals(module) && !path.startsWith(module + "/")) {
                    faults.add(at + "path: '" + path + "' lies outside the module's routes ('" + module + "/...')");
                } else if (!paths.add(path)) {
                    faults.add(at + "path: '" + path + "' is declared twice");
                }
            }
            element(routes.get(i), at, faults);
        }
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < sections.size(); i++) {
            String at = "overviewSections[" + i + "].";
            String key = text(sections.get(i), "key", at, faults);
            if (key != null && !ID.matcher(key).matches()) {
                faults.add(at + "key: '" + key + "' is not a section key (" + ID.pattern() + ")");
            } else if (key != null && !keys.add(key)) {
                faults.add(at + "key: '" + key + "' is declared twice");
            }
            element(sections.get(i), at, faults);
        }
        Set<String> actionIds = new HashSet<>();
        for (int i = 0; i < actions.size(); i++) {
            String at = "partyActions[" + i + "].";
            id(actions.get(i), at, actionIds, faults);
            label(actions.get(i), at, messages, faults);
            link(actions.get(i), at, faults);
            permission(actions.get(i), at, faults);
        }
        if (!faults.isEmpty()) {
            throw new InvalidUiDescriptorException(faults);
        }
        return new UiDescriptor(module, entry, messages, menu, routes, sections, actions);
    }

    private ObjectNode messages(JsonNode node, List<String> faults) {
        if (node == null || node.isNull()) {
            faults.add("messages: required (en and fr)");
            return mapper.createObjectNode();
        }
        if (!node.isObject()) {
            faults.add("messages: must be an object of locales");
            return mapper.createObjectNode();
        }
        for (String locale : UiDescriptor.REQUIRED_LOCALES) {
            if (!node.has(locale)) {
                faults.add("messages." + locale + ": required");
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> locales = node.fields(); locales.hasNext();) {
            Map.Entry<String, JsonNode> locale = locales.next();
            String at = "messages." + locale.getKey();
            if (!LOCALE.matcher(locale.getKey()).matches()) {
                faults.add(at + ": not a locale (en, fr, en-GB...)");
            }
            if (!locale.getValue().isObject()) {
                faults.add(at + ": must be an object of message keys");
                continue;
            }
            locale.getValue().fields().forEachRemaining(message -> {
                if (!message.getValue().isTextual()) {
                    faults.add(at + "." + message.getKey() + ": must be a string");
                }
            });
        }
        return (ObjectNode) node;
    }

    private static void unknownFields(JsonNode node, Set<String> known, String at, List<String> faults) {
        node.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                faults.add(at + name + ": unknown field (known: " + String.join(", ", new java.util.TreeSet<>(known)) + ")");
            }
        });
    }

    private static List<ObjectNode> objects(JsonNode root, String field, Set<String> known, List<String> faults) {
        JsonNode node = root.get(field);
        List<ObjectNode> objects = new ArrayList<>();
        if (node == null || node.isNull()) {
            return objects;
        }
        if (!node.isArray()) {
            faults.add(field + ": must be an array");
            return objects;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (!item.isObject()) {
                faults.add(field + "[" + i + "]: must be an object");
                continue;
            }
            unknownFields(item, known, field + "[" + i + "].", faults);
            objects.add((ObjectNode) item);
        }
        return objects;
    }

    /** A required, non-blank string member; {@code null} (with a fault) otherwise. */
    private static String text(JsonNode node, String field, String at, List<String> faults) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            faults.add(at + field + ": required");
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            faults.add(at + field + ": must be a non-blank string");
            return null;
        }
        return value.asText();
    }

    private static void id(ObjectNode item, String at, Set<String> seen, List<String> faults) {
        String id = text(item, "id", at, faults);
        if (id != null && !ID.matcher(id).matches()) {
            faults.add(at + "id: '" + id + "' is not an id (" + ID.pattern() + ")");
        } else if (id != null && !seen.add(id)) {
            faults.add(at + "id: '" + id + "' is declared twice");
        }
    }

    /** A label is a key of the module's messages, in every locale the shell speaks. */
    private static void label(ObjectNode item, String at, ObjectNode messages, List<String> faults) {
        String label = text(item, "label", at, faults);
        if (label == null) {
            return;
        }
        for (String locale : new java.util.TreeSet<>(UiDescriptor.REQUIRED_LOCALES)) {
            JsonNode localeMessages = messages.get(locale);
            if (localeMessages != null && localeMessages.isObject() && !localeMessages.has(label)) {
                faults.add(at + "label: '" + label + "' has no message in messages." + locale);
            }
        }
    }

    private static void link(ObjectNode item, String at, List<String> faults) {
        String route = text(item, "route", at, faults);
        if (route != null && !ROUTE_LINK.matcher(route).matches()) {
            faults.add(at + "route: '" + route + "' is not a route (no leading '/' nor '#')");
        }
    }

    private static void permission(ObjectNode item, String at, List<String> faults) {
        JsonNode permission = item.get(UiDescriptor.PERMISSION);
        if (permission != null && (!permission.isTextual() || permission.asText().isBlank())) {
            faults.add(at + "permission: must be a non-blank string");
        }
    }

    private static void element(ObjectNode item, String at, List<String> faults) {
        String element = text(item, "element", at, faults);
        if (element != null && (!ELEMENT.matcher(element).matches() || RESERVED_ELEMENTS.contains(element))) {
            faults.add(at + "element: '" + element + "' is not a custom element name (lower case, with a hyphen)");
        }
    }
}
