package org.tessera.crm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.tessera.crm.itests.Fixtures.unique;

import java.util.Dictionary;
import java.util.Hashtable;

import javax.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The service module over HTTP, the cycle: a contact traced, a request opened from it with a
 * template and its action plan, routed by rule, a milestone warned and violated by the scheduler
 * (the engine's test clock moved forward, no sleeping), paused and resumed, a letter generated as
 * PDF, an email kept pending while the mail server is down and retried by the scheduler, requests
 * imported with their old numbers; bad input refused naming the field.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class ServiceIT {
    private static final String PID = "org.tessera.crm.service";

    @Inject
    ConfigurationAdmin configurations;

    private final Api api = new Api();
    private final Fixtures fixtures = new Fixtures(api);

    @Configuration
    public Option[] config() {
        return TesseraContainer.options();
    }

    @Before
    public void serviceIsUp() {
        api.awaitHealthy(60);
        Waits.awaitTrue(() -> api.get("/v1/service/statuses").status() == 200, "service endpoints", 30);
    }

    @Test
    public void theServiceCycleOverHttp() throws Exception {
        org.osgi.service.cm.Configuration configuration = configurations.getConfiguration(PID, "?");
        Dictionary<String, Object> previous = configuration.getProperties();
        Dictionary<String, Object> testClock = new Hashtable<>();
        testClock.put("testClockEnabled", "true");
        testClock.put("sweepSeconds", "3600"); // the test sweeps itself
        configuration.update(testClock);
        try {
            Waits.awaitTrue(() -> api.get("/v1/service/sla/clock").json().path("testClockEnabled").asBoolean(), "test clock", 30);
            cycle();
        } finally {
            api.put("/v1/service/sla/clock", Api.object().put("offsetMinutes", 0), null);
            configuration.update(previous == null ? new Hashtable<>() : previous);
        }
    }

    private void cycle() throws Exception {
        String token = unique();
        JsonNode agent = fixtures.newAgent();
        String agentId = agent.path("id").asText();
        String customer = fixtures.createParty(Fixtures.person("Renée", "Ocampo " + token)).path("id").asText();

        // setup: a 24/7 calendar, a policy for HIGH priority, a queue with the agent, a rule into it, a template with a plan
        ok(api.put("/v1/service/sla/calendars/ALWAYS-" + token, Api.parse("{\"zone\":\"Europe/Paris\",\"hours\":{"
                + "\"MONDAY\":[\"00:00-24:00\"],\"TUESDAY\":[\"00:00-24:00\"],\"WEDNESDAY\":[\"00:00-24:00\"],\"THURSDAY\":[\"00:00-24:00\"],"
                + "\"FRIDAY\":[\"00:00-24:00\"],\"SATURDAY\":[\"00:00-24:00\"],\"SUNDAY\":[\"00:00-24:00\"]}}"), null));
        ok(api.put("/v1/service/sla/policies/GOLD-" + token, Api.parse("{\"name\":\"Gold\",\"subjectType\":\"SERVICE_REQUEST\","
                + "\"calendar\":\"ALWAYS-" + token + "\",\"position\":0,\"criteria\":{\"priority\":\"URGENT\",\"reason\":\"R-" + token + "\"},"
                + "\"milestones\":[{\"code\":\"RESOLUTION\",\"targetMinutes\":240,\"warnBeforeMinutes\":60,"
                + "\"completeOnStatuses\":[\"RESOLVED\"],"
                + "\"warningActions\":[{\"type\":\"ACTIVITY\",\"activityType\":\"TASK\",\"subject\":\"Resolution due soon\",\"assignee\":\"OWNER\"}],"
                + "\"violationActions\":[{\"type\":\"ESCALATE\",\"queueCode\":\"ESC-" + token + "\"}]}]}"), null));
        ok(api.put("/v1/service/queues/Q-" + token, Api.parse("{\"name\":\"Billing\",\"distribution\":\"ROUND_ROBIN\",\"members\":[\""
                + agentId + "\"]}"), null));
        ok(api.put("/v1/service/queues/ESC-" + token, Api.parse("{\"name\":\"Escalations\",\"distribution\":\"NONE\"}"), null));
        Api.Response rules = api.get("/v1/service/assignment-rules");
        ObjectNode rule = Api.object().put("name", "billing").put("queueCode", "Q-" + token);
        rule.putObject("conditions").put("reason", "R-" + token);
        com.fasterxml.jackson.databind.node.ArrayNode all = new com.fasterxml.jackson.databind.ObjectMapper().createArrayNode();
        all.add(rule);
        rules.json().path("items").forEach(all::add);
        ok(api.put("/v1/service/assignment-rules", all, null));
        ok(api.put("/v1/action-plans/templates/PLAN-" + token, Api.parse("{\"name\":\"Billing follow-up\",\"steps\":["
                + "{\"offsetDays\":0,\"activityType\":\"CALL\",\"subject\":\"Call the customer back\"},"
                + "{\"offsetDays\":2,\"activityType\":\"TASK\",\"subject\":\"Check the refund\"}]}"), null));
        ok(api.put("/v1/service/templates/T-" + token, Api.parse("{\"name\":\"Billing dispute\",\"type\":\"COMPLAINT\",\"priority\":\"URGENT\","
                + "\"objects\":[\"billing:invoice:" + token + "\"],\"actionPlan\":\"PLAN-" + token + "\"}"), null));

        // a contact traced, and a request opened from it with the template
        Api.Response call = api.post("/v1/activities", Api.object().put("type", "CALL").put("subject", "Invoice disputed")
                .put("status", "DONE").put("channel", "PHONE").put("direction", "INBOUND")
                .set("participants", Api.parse("[\"" + customer + "\"]")));
        assertEquals(call.toString(), 201, call.status());
        Api.Response opened = api.post("/v1/service/requests/from-interaction", Api.object()
                .put("activityId", call.json().path("id").asText()).put("templateCode", "T-" + token)
                .set("request", Api.object().put("reason", "R-" + token)));
        assertEquals(opened.toString(), 201, opened.status());
        JsonNode request = opened.json();
        String id = request.path("id").asText();
        assertTrue(request.toString(), request.path("number").asText().startsWith("CP-"));
        assertEquals("routed by the rule to the queue's member", agentId, request.path("ownerId").asText());
        assertEquals("URGENT", request.path("priority").asText());
        assertEquals(customer, request.path("partyId").asText());
        assertEquals(1, request.path("milestones").size());
        assertEquals("RESOLUTION", request.path("milestones").get(0).path("milestone").asText());

        JsonNode elements = api.get("/v1/service/requests/" + id + "/elements").json();
        assertEquals(elements.toString(), call.json().path("id").asText(), elements.path("INTERACTION").get(0).path("ref").asText());
        assertTrue(elements.toString(), elements.path("OBJECT").toString().contains("billing:invoice:" + token));
        assertTrue(elements.toString(), elements.path("PARTICIPANT").toString().contains(customer));
        JsonNode plans = api.get("/v1/action-plans?record=service:request:" + id).json().path("items");
        assertEquals(plans.toString(), 1, plans.size());
        assertEquals(2, plans.get(0).path("steps").size());
        assertEquals("RUNNING", plans.get(0).path("status").asText());

        // the scheduler warns at 3 h, violates at 4 h (the engine's clock moved, no sleeping)
        moveClock(200);
        assertEquals(1, sweep());
        JsonNode milestone = milestone(id);
        assertTrue(milestone.toString(), milestone.path("warned").asBoolean());
        assertFalse(milestone.path("violated").asBoolean());
        assertEquals("a second sweep fires nothing twice", 0, sweep());

        // paused while waiting for the customer: 60 minutes stopped push the target back
        ok(api.patch("/v1/service/requests/" + id, Api.object().put("status", "WAITING_CUSTOMER"), null));
        assertEquals("PAUSED", milestone(id).path("state").asText());
        moveClock(260);
        assertEquals("nothing fires while paused", 0, sweep());
        ok(api.patch("/v1/service/requests/" + id, Api.object().put("status", "OPEN"), null));
        milestone = milestone(id);
        assertEquals("RUNNING", milestone.path("state").asText());
        assertEquals(milestone.toString(), 60, milestone.path("stoppedMinutes").asLong());
        assertEquals(milestone.toString(), 40, milestone.path("remainingMinutes").asLong());
        moveClock(310);
        assertEquals(1, sweep());
        milestone = milestone(id);
        assertTrue(milestone.toString(), milestone.path("violated").asBoolean());
        JsonNode escalated = api.get("/v1/service/requests/" + id).json();
        assertFalse("the violation escalated the request to its queue", escalated.path("queueId").asText().isEmpty());
        JsonNode timeline = api.get("/v1/parties/" + customer + "/timeline").json();
        assertTrue(timeline.toString(), timeline.toString().contains("SLA_VIOLATION"));

        // a letter as PDF, with merge fields from the party, the request and the agent
        ok(api.put("/v1/service/document-templates/L-" + token, Api.parse("{\"name\":\"Acknowledgement\",\"kind\":\"LETTER\","
                + "\"subject\":\"Your request {{request.number}}\",\"body\":\"<p>Dear {{party.firstName}} {{party.lastName}},</p>"
                + "<p>we opened {{request.number}}: {{request.summary}}.</p><p>{{agent.displayName|The service team}}</p>\"}"), null));
        Api.Response letter = api.post("/v1/service/requests/" + id + "/documents", Api.object().put("templateCode", "L-" + token));
        assertEquals(letter.toString(), 201, letter.status());
        assertTrue(letter.json().path("hasPdf").asBoolean());
        assertTrue(letter.toString(), letter.json().path("html").asText().contains("Dear Renée Ocampo " + token));
        Api.Response pdf = api.get("/v1/service/requests/" + id + "/documents/" + letter.json().path("id").asText() + "/pdf");
        assertEquals(200, pdf.status());
        assertTrue(pdf.raw().body().startsWith("%PDF"));
        assertFalse(api.get("/v1/service/requests/" + id + "/elements").json().path("LETTER").isEmpty());

        // an email from a template, sent through the core's mail settings to an SMTP server on loopback
        emailSentThroughTheCoreMailSettings(id, token);

        // resolved: the milestone completes; history keeps every status
        ok(api.patch("/v1/service/requests/" + id, Api.object().put("status", "RESOLVED"), null));
        assertEquals("COMPLETED", milestone(id).path("state").asText());
        assertTrue(api.get("/v1/service/requests/" + id + "/history").json().toString().contains("WAITING_CUSTOMER"));

        // imported with their old numbers, upserted on a second import, a bad row reported by line
        String ndjson = "{\"number\":\"2-1CR-" + token + "\",\"summary\":\"Migrated\",\"partyId\":\"" + customer + "\",\"status\":\"CLOSED\"}\n"
                + "{\"number\":\"1-10E-5-" + token + "\",\"summary\":\"Migrated too\",\"partyId\":\"" + customer + "\"}\n"
                + "{\"number\":\"X-" + token + "\",\"partyId\":\"" + customer + "\",\"priority\":\"SOMEDAY\"}\n";
        Api.Response imported = api.sendBody("POST", "/v1/service/requests:import", ndjson, "application/x-ndjson", null);
        assertEquals(imported.toString(), 200, imported.status());
        assertEquals(imported.toString(), 2, imported.json().path("created").asInt());
        assertEquals(1, imported.json().path("rejected").asInt());
        assertEquals(3, imported.json().path("errors").get(0).path("line").asInt());
        Api.Response again = api.sendBody("POST", "/v1/service/requests:import", ndjson, "application/x-ndjson", null);
        assertEquals(again.toString(), 2, again.json().path("unchanged").asInt());
        JsonNode migrated = api.get("/v1/service/requests?number=2-1CR-" + token).json().path("items");
        assertEquals(1, migrated.size());
        assertEquals("CLOSED", migrated.get(0).path("status").asText());

        // an external id is unique: a second request (or an imported row) with it is a 409 naming externalId
        ok(api.post("/v1/service/requests", Api.object().put("partyId", customer).put("summary", "From Siebel").put("externalId", "1-EXT-" + token)));
        Api.Response twin = api.post("/v1/service/requests", Api.object().put("partyId", customer).put("summary", "Twin")
                .put("externalId", "1-EXT-" + token));
        assertEquals(twin.toString(), 409, twin.status());
        assertTrue(twin.contentType().startsWith(Api.PROBLEM));
        assertTrue(twin.toString(), twin.json().toString().contains("\"field\":\"externalId\""));
        Api.Response importedTwin = api.sendBody("POST", "/v1/service/requests:import", "{\"number\":\"EXT-" + token
                + "\",\"externalId\":\"1-EXT-" + token + "\",\"summary\":\"Imported twin\",\"partyId\":\"" + customer + "\"}\n",
                "application/x-ndjson", null);
        assertEquals(importedTwin.toString(), 1, importedTwin.json().path("rejected").asInt());
        assertEquals(importedTwin.toString(), "externalId", importedTwin.json().path("errors").get(0).path("errors").get(0).path("field").asText());

        // bad input: 422 naming the field
        Api.Response bad = api.post("/v1/service/requests", Api.object().put("partyId", customer).put("priority", "SOMEDAY"));
        assertEquals(bad.toString(), 422, bad.status());
        assertTrue(bad.contentType().startsWith(Api.PROBLEM));
        assertTrue(bad.toString(), bad.json().toString().contains("\"summary\"") && bad.json().toString().contains("\"priority\""));
        Api.Response reopenNew = api.patch("/v1/service/requests/" + id, Api.object().put("status", "NEW"), null);
        assertEquals(reopenNew.toString(), 422, reopenNew.status());
        assertTrue(reopenNew.toString(), reopenNew.json().toString().contains("\"status\""));
    }

    private void emailSentThroughTheCoreMailSettings(String requestId, String token) throws Exception {
        org.osgi.service.cm.Configuration mailConfiguration = configurations.getConfiguration("org.tessera.crm.mail", "?");
        Dictionary<String, Object> previous = mailConfiguration.getProperties();
        try (SmtpSink sink = new SmtpSink()) {
            Dictionary<String, Object> pointed = new Hashtable<>();
            pointed.put("host", "127.0.0.1");
            pointed.put("port", String.valueOf(sink.port()));
            pointed.put("from", "service@example.org");
            mailConfiguration.update(pointed);
            ok(api.put("/v1/service/document-templates/E-" + token, Api.parse("{\"name\":\"Reply\",\"kind\":\"EMAIL\","
                    + "\"subject\":\"Re: {{request.number}}\",\"body\":\"<p>Dear {{party.firstName}},</p><p>{{request.summary}}</p>\"}"), null));
            // the mail service takes its new settings asynchronously: the first sends may still find no host
            Api.Response[] email = new Api.Response[1];
            Waits.awaitTrue(() -> {
                ObjectNode command = Api.object().put("templateCode", "E-" + token);
                command.putArray("to").add("renee." + token + "@example.org");
                email[0] = api.post("/v1/service/requests/" + requestId + "/documents", command);
                return email[0].status() == 201 && !email[0].json().path("messageId").asText().isEmpty();
            }, "an email document sent", 15);
            assertEquals(email[0].toString(), "EMAIL", email[0].json().path("kind").asText());
            String received = sink.next(10);
            assertTrue("the SMTP server received the email", received != null);
            assertTrue(received, received.contains("From: service@example.org"));
            assertTrue(received, received.contains("renee." + token + "@example.org"));
            assertTrue(received, received.contains("Re: ") && received.contains(email[0].json().path("messageId").asText()));
            assertFalse(api.get("/v1/service/requests/" + requestId + "/elements").json().path("EMAIL").isEmpty());
            // an email to no address at all names the field
            ObjectNode noAddressCommand = Api.object().put("templateCode", "E-" + token);
            noAddressCommand.putArray("to").add("not an address");
            Api.Response noAddress = api.post("/v1/service/requests/" + requestId + "/documents", noAddressCommand);
            assertEquals(noAddress.toString(), 422, noAddress.status());
            assertTrue(noAddress.toString(), noAddress.json().toString().contains("\"to\""));

            // the mail server down: the email is kept PENDING, then retried by the scheduler once it is back
            Dictionary<String, Object> down = new Hashtable<>();
            down.put("host", "127.0.0.1");
            down.put("port", String.valueOf(closedPort()));
            down.put("from", "service@example.org");
            mailConfiguration.update(down);
            ObjectNode laterCommand = Api.object().put("templateCode", "E-" + token);
            laterCommand.putArray("to").add("later." + token + "@example.org");
            Api.Response[] pending = new Api.Response[1];
            Waits.awaitTrue(() -> {
                pending[0] = api.post("/v1/service/requests/" + requestId + "/documents", laterCommand);
                return pending[0].status() == 201 && "PENDING".equals(pending[0].json().path("sendState").asText());
            }, "an email document kept pending", 15);
            assertEquals(pending[0].toString(), 1, pending[0].json().path("sendAttempts").asInt());
            assertFalse(pending[0].toString(), pending[0].json().path("lastError").asText().isEmpty());
            String pendingId = pending[0].json().path("id").asText();
            mailConfiguration.update(pointed);
            Waits.awaitTrue(() -> {
                Api.Response sent = api.post("/v1/service/requests/" + requestId + "/documents", command("E-" + token, "again." + token));
                return sent.status() == 201 && "SENT".equals(sent.json().path("sendState").asText());
            }, "the mail server reachable again", 15);
            // not due yet: nothing retried; due once the engine's clock passed its next attempt (no sleeping)
            Api.Response early = api.post("/v1/service/sla/retry-documents", Api.object());
            assertEquals(early.toString(), 0, early.json().path("sent").asInt());
            moveClock(api.get("/v1/service/sla/clock").json().path("offsetMinutes").asLong() + 2);
            Api.Response retried = api.post("/v1/service/sla/retry-documents", Api.object());
            // (at least this one: a send made while the settings were switching back may be pending too)
            assertTrue(retried.toString(), retried.json().path("sent").asInt() >= 1);
            JsonNode delivered = api.get("/v1/service/requests/" + requestId + "/documents/" + pendingId).json();
            assertEquals(delivered.toString(), "SENT", delivered.path("sendState").asText());
            assertEquals(delivered.toString(), 2, delivered.path("sendAttempts").asInt());
            String retriedMail = null;
            for (String next = sink.next(10); next != null; next = sink.next(10)) {
                if (next.contains("later." + token + "@example.org")) {
                    retriedMail = next;
                    break;
                }
            }
            assertTrue("the SMTP server received the retried email", retriedMail != null);
        } finally {
            mailConfiguration.update(previous == null ? new Hashtable<>(java.util.Map.of("host", "")) : previous);
        }
    }

    private static ObjectNode command(String template, String recipient) {
        ObjectNode command = Api.object().put("templateCode", template);
        command.putArray("to").add(recipient + "@example.org");
        return command;
    }

    /** A loopback port nobody listens on: a mail server that is down. */
    private static int closedPort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private void moveClock(long minutes) {
        ok(api.put("/v1/service/sla/clock", Api.object().put("offsetMinutes", minutes), null));
    }

    private int sweep() {
        Api.Response response = api.post("/v1/service/sla/sweep", Api.object());
        assertEquals(response.toString(), 200, response.status());
        return response.json().path("fired").asInt();
    }

    private JsonNode milestone(String requestId) {
        return api.get("/v1/service/requests/" + requestId + "/milestones").json().path("items").get(0);
    }

    private static void ok(Api.Response response) {
        assertTrue(response.toString(), response.status() / 100 == 2);
    }
}
