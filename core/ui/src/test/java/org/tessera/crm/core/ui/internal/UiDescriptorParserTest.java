package org.tessera.crm.core.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class UiDescriptorParserTest {
    private static final String VALID = """
            {"module": "sales", "entry": "sales-ui.js",
             "messages": {"en": {"menu.pipeline": "Pipeline", "action.new": "New opportunity"},
                          "fr": {"menu.pipeline": "Pipeline", "action.new": "Nouvelle opportunité"}},
             "menu": [{"id": "sales.pipeline", "label": "menu.pipeline", "route": "sales/pipeline",
                       "permission": "sales.opportunity.read", "order": 20}],
             "routes": [{"path": "sales/pipeline", "element": "tessera-sales-pipeline"},
                        {"path": "sales/opportunities/:id", "element": "tessera-sales-opportunity"}],
             "overviewSections": [{"key": "sales", "element": "tessera-sales-overview"}],
             "partyActions": [{"id": "sales.new-opportunity", "label": "action.new",
                               "route": "sales/opportunities/new?accountId={partyId}", "permission": "sales.opportunity.write"}]}
            """;

    private final UiDescriptorParser parser = new UiDescriptorParser();

    private UiDescriptor parse(String json, String moduleHeader) throws InvalidUiDescriptorException {
        return parser.parse(json.getBytes(StandardCharsets.UTF_8), moduleHeader, Set.of("sales-ui.js")::contains);
    }

    private List<String> faults(String json) {
        return assertThrows(InvalidUiDescriptorException.class, () -> parse(json, "sales")).faults();
    }

    @Test
    void theContractsExampleIsAccepted() throws Exception {
        UiDescriptor descriptor = parse(VALID, "sales");
        assertEquals("sales", descriptor.module());
        assertEquals("sales-ui.js", descriptor.entry());
        assertEquals(1, descriptor.menu().size());
        assertEquals(2, descriptor.routes().size());
        assertEquals("Nouvelle opportunité", descriptor.messages().path("fr").path("action.new").asText());
    }

    @Test
    void onlyTheRequiredPartsAreNeeded() throws Exception {
        UiDescriptor descriptor = parse("""
                {"module": "sales", "entry": "sales-ui.js", "messages": {"en": {}, "fr": {}}}""", null);
        assertTrue(descriptor.menu().isEmpty() && descriptor.routes().isEmpty() && descriptor.partyActions().isEmpty());
    }

    @Test
    void everyFaultIsReportedAtOnce() {
        List<String> faults = faults("""
                {"module": "sales", "entry": "missing.js", "colour": "red",
                 "messages": {"en": {"menu.a": "A"}},
                 "menu": [{"id": "a", "label": "menu.b", "route": "/sales/a", "icon": "x", "order": "first"}],
                 "routes": [{"path": "sales/a", "element": "SalesA"}, {"path": "parties/x", "element": "tessera-x"}],
                 "overviewSections": [{"key": "sales"}]}""");
        for (String expected : List.of("colour: unknown field", "entry: 'missing.js' is not in the bundle", "messages.fr: required",
                "menu[0].icon: unknown field", "menu[0].label: 'menu.b' has no message in messages.en", "menu[0].route: '/sales/a'",
                "menu[0].order: must be an integer", "routes[0].element: 'SalesA' is not a custom element name",
                "routes[1].path: 'parties/x' lies outside the module's routes", "overviewSections[0].element: required")) {
            assertTrue(faults.stream().anyMatch(fault -> fault.startsWith(expected)), expected + " in " + faults);
        }
    }

    @Test
    void aLabelNeedsItsMessageInEnglishAndInFrench() {
        List<String> faults = faults(VALID.replace("\"fr\": {\"menu.pipeline\"", "\"fr\": {\"other\""));
        assertEquals(List.of("menu[0].label: 'menu.pipeline' has no message in messages.fr"), faults);
    }

    @Test
    void theModuleMustBeTheBundlesOwn() {
        List<String> faults = assertThrows(InvalidUiDescriptorException.class, () -> parse(VALID, "marketing")).faults();
        assertEquals(List.of("module: 'sales' is not the bundle's module 'marketing' (header Tessera-Module)"), faults);
    }

    @Test
    void elementNamesFollowTheCustomElementRules() {
        for (String bad : List.of("div", "Tessera-x", "1-x", "font-face", "tessera x")) {
            List<String> faults = faults(VALID.replace("tessera-sales-overview", bad));
            assertEquals(1, faults.size(), bad + ": " + faults);
        }
    }

    @Test
    void duplicatesAndClimbingEntriesAreRefused() {
        assertTrue(faults(VALID.replace("sales/opportunities/:id", "sales/pipeline")).get(0).contains("declared twice"));
        assertTrue(faults(VALID.replace("\"entry\": \"sales-ui.js\"", "\"entry\": \"../sales-ui.js\"")).get(0)
                .contains("not a plain relative path"));
    }

    @Test
    void somethingThatIsNoJsonObjectIsRefused() {
        assertThrows(InvalidUiDescriptorException.class, () -> parse("[1]", null));
        assertTrue(faults("{\"module\": ").get(0).startsWith("not JSON"));
    }
}
