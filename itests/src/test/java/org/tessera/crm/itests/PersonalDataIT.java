package org.tessera.crm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.tessera.crm.itests.Fixtures.unique;
import static org.tessera.crm.itests.Problems.assertNamesField;
import static org.tessera.crm.itests.Problems.assertProblem;

import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.List;
import java.util.Set;

import javax.inject.Inject;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.service.cm.ConfigurationAdmin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Personal data over HTTP against the distribution: a person with records in sales, marketing and
 * service is exported with a section per installed module; a withdrawn consent keeps them out of an
 * email campaign; a legal hold refuses the erasure; the erasure anonymizes every module, masks the
 * person's audit values and records one event in the change feed.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class PersonalDataIT {
    private static final String MAIL_PID = "org.tessera.crm.mail";

    @Inject
    ConfigurationAdmin configurations;

    private final Api api = new Api();
    private final Fixtures fixtures = new Fixtures(api);

    @Configuration
    public Option[] config() {
        GreenMailServer.start(); // in the test JVM; Karaf reaches it on loopback
        return OptionUtils.combine(TesseraContainer.options(),
                editConfigurationFilePut("etc/" + MAIL_PID + ".cfg", "host", "127.0.0.1"),
                editConfigurationFilePut("etc/" + MAIL_PID + ".cfg", "port", String.valueOf(GreenMailServer.SMTP_PORT)));
    }

    @Before
    public void modulesServeAndMailGoesToGreenMail() throws Exception {
        api.awaitHealthy(60);
        // the suite shares one container whose options may be another class's: point the sender here as well
        org.osgi.service.cm.Configuration mail = configurations.getConfiguration(MAIL_PID, "?");
        Dictionary<String, Object> pointed = new Hashtable<>();
        pointed.put("host", "127.0.0.1");
        pointed.put("port", String.valueOf(GreenMailServer.SMTP_PORT));
        pointed.put("from", "campagnes@example.org");
        mail.update(pointed);
        Waits.awaitServed(api, 60, "/v1/marketing/campaigns", "/v1/sales/opportunities", "/v1/service/requests");
    }

    @Test
    public void exportConsentLegalHoldAndErasureAcrossTheModules() {
        String word = unique();
        String person = fixtures.createParty(withEmail(Fixtures.person("Hélène", "Privée" + word), "helene." + word + "@example.org"))
                .path("id").asText();
        String other = fixtures.createParty(withEmail(Fixtures.person("Marc", "Voisin" + word), "marc." + word + "@example.org"))
                .path("id").asText();
        String opportunity = fixtures.create("/v1/sales/opportunities", Api.object().put("accountId", person)
                .put("name", "Car loan " + word).put("nextStep", "Call her at home after 6pm")).path("id").asText();
        String request = fixtures.create("/v1/service/requests", Api.object().put("partyId", person)
                .put("summary", "Hélène cannot log in").put("description", "She lives at 3 rue des Lilas")).path("id").asText();
        String campaign = emailCampaign(word, person, other);

        // consent: withdrawn for marketing by email, so the send skips her and reaches the other member
        Api.Response bad = api.put("/v1/parties/" + person + "/consents/marketing/FAX", Api.object().put("status", "WITHDRAWN"), null);
        assertNamesField(bad, 422, "channel");
        JsonNode withdrawn = ok(api.put("/v1/parties/" + person + "/consents/marketing/EMAIL",
                Api.object().put("status", "WITHDRAWN").put("source", "call centre"), null));
        assertEquals("WITHDRAWN", withdrawn.path("status").asText());
        JsonNode report = ok(api.post("/v1/marketing/campaigns/" + campaign + "/email-sends", Api.object()));
        assertEquals(report.toString(), 1, report.path("sent").asLong());
        assertEquals(report.toString(), 1, report.path("suppressed").asLong());
        assertEquals("SUPPRESSED", ok(api.get("/v1/marketing/campaigns/" + campaign + "/members/" + person)).path("sendStatus").asText());
        assertEquals("SENT", ok(api.get("/v1/marketing/campaigns/" + campaign + "/members/" + other)).path("sendStatus").asText());
        Waits.awaitTrue(() -> Pop3Mailbox.messages("marc." + word + "@example.org").size() == 1, "GreenMail received Marc's email", 15);
        assertEquals("no email to a withdrawn consent", 0, Pop3Mailbox.messages("helene." + word + "@example.org").size());

        // the export: the core part and one section per installed module that declares its personal data
        JsonNode export = ok(api.get("/v1/parties/" + person + "/personal-data"));
        assertEquals("Hélène", export.path("core").path("party").path("firstName").asText());
        assertEquals("marketing", export.path("core").path("consents").get(0).path("purpose").asText());
        Set<String> sections = new HashSet<>();
        export.path("modules").forEach(section -> sections.add(section.path("module").asText()));
        assertTrue(sections.toString(), sections.containsAll(Set.of("sales", "marketing", "service")));
        export.path("modules").forEach(section -> assertTrue(section.toString(), section.path("error").isMissingNode()
                || section.path("error").isNull()));
        JsonNode sales = section(export, "sales");
        assertEquals("Call her at home after 6pm", sales.path("records").path("OPPORTUNITY").get(0).path("nextStep").asText());
        assertEquals(request, section(export, "service").path("records").path("SERVICE_REQUEST").get(0).path("id").asText());
        assertEquals("a member is identified by its campaign", campaign,
                section(export, "marketing").path("records").path("CAMPAIGN_MEMBER").get(0).path("campaignId").asText());
        Set<String> accounted = new HashSet<>(sections);
        export.path("notCovered").forEach(module -> accounted.add(module.path("name").asText()));
        for (JsonNode module : Fixtures.items(api.get("/v1/modules"))) {
            String name = module.path("name").asText();
            assertTrue(name + " is either a section or listed as not covered", "core".equals(name) || accounted.contains(name));
        }

        // a legal hold refuses the erasure until cleared; a wrong confirmation is refused as well
        assertEquals(true, ok(api.put("/v1/parties/" + person + "/legal-hold", Api.object().put("reason", "claim " + word), null))
                .path("active").asBoolean());
        assertProblem(api.post("/v1/parties/" + person + "/erase", Api.object().put("confirm", person)), 409);
        assertFalse(ok(api.delete("/v1/parties/" + person + "/legal-hold")).path("active").asBoolean());
        assertNamesField(api.post("/v1/parties/" + person + "/erase", Api.object().put("confirm", other)), 422, "confirm");

        String since = ok(api.get("/v1/changes?since=now")).path("next").asText();
        JsonNode erased = ok(api.post("/v1/parties/" + person + "/erase", Api.object().put("confirm", person)));
        List<String> modules = new ArrayList<>();
        erased.path("modules").forEach(module -> modules.add(module.path("module").asText()));
        assertEquals("core", modules.get(0));
        assertTrue(modules.toString(), modules.containsAll(List.of("sales", "marketing", "service")));

        JsonNode party = ok(api.get("/v1/parties/" + person));
        assertEquals("Erased party " + person, party.path("displayName").asText());
        assertTrue(party.path("firstName").isMissingNode() || party.path("firstName").isNull());
        assertEquals(0, party.path("contactMechanisms").size());
        JsonNode opportunityAfter = ok(api.get("/v1/sales/opportunities/" + opportunity));
        assertTrue(opportunityAfter.toString(), opportunityAfter.path("nextStep").isMissingNode() || opportunityAfter.path("nextStep").isNull());
        JsonNode requestAfter = ok(api.get("/v1/service/requests/" + request));
        assertEquals("(erased)", requestAfter.path("summary").asText());
        assertFalse(requestAfter.toString(), requestAfter.toString().contains("Lilas"));
        assertEquals("Marc keeps his data", "Marc", ok(api.get("/v1/parties/" + other)).path("firstName").asText());

        // the audit trail stays, its values masked
        JsonNode audit = ok(api.get("/v1/audit?entityType=PARTY&entityId=" + person));
        assertTrue(audit.toString(), audit.path("items").size() >= 2);
        assertFalse(audit.toString(), audit.toString().contains("Hélène") || audit.toString().contains("helene."));

        // one event in the change feed
        List<JsonNode> changes = new ArrayList<>();
        Waits.awaitTrue(() -> {
            ok(api.get("/v1/changes?types=party&wait=1&since=" + since)).path("items").forEach(changes::add);
            return changes.stream().anyMatch(c -> isErasure(c, person));
        }, "the erasure in the change feed", 20);
        assertEquals(1, ok(api.get("/v1/changes?types=party&since=" + since)).findValues("action").stream()
                .filter(action -> "ERASED".equals(action.asText())).count());

        // irreversible, and once is enough: the export now shows nothing personal
        JsonNode after = ok(api.get("/v1/parties/" + person + "/personal-data"));
        assertFalse(after.toString(), after.toString().contains("Hélène") || after.toString().contains("6pm"));
    }

    private static boolean isErasure(JsonNode change, String partyId) {
        return "ERASED".equals(change.path("action").asText()) && partyId.equals(change.path("recordId").asText());
    }

    private String emailCampaign(String word, String... members) {
        ObjectNode body = Api.object().put("name", "Privacy mailing " + word).put("type", "EMAIL").put("currency", "EUR")
                .put("emailSubject", "Hello {{party.firstName}}").put("emailHtml", "<p>Hello {{party.firstName}}</p>");
        String campaign = fixtures.create("/v1/marketing/campaigns", body).path("id").asText();
        ObjectNode bulk = Api.object();
        for (String member : members) {
            bulk.withArray("partyIds").add(member);
        }
        ok(api.post("/v1/marketing/campaigns/" + campaign + "/members/bulk", bulk));
        ok(api.patch("/v1/marketing/campaigns/" + campaign, Api.object().put("status", "ACTIVE"), null));
        return campaign;
    }

    private static ObjectNode withEmail(ObjectNode person, String address) {
        person.putArray("contactMechanisms").add(Fixtures.email(address));
        return person;
    }

    private static JsonNode section(JsonNode export, String module) {
        for (JsonNode section : export.path("modules")) {
            if (module.equals(section.path("module").asText())) {
                return section;
            }
        }
        throw new AssertionError("no section " + module + " in " + export);
    }

    private static JsonNode ok(Api.Response response) {
        assertTrue(response.toString(), response.status() >= 200 && response.status() < 300);
        return response.json();
    }
}
