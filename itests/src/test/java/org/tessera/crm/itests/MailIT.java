package org.tessera.crm.itests;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.fail;
import static org.junit.Assert.assertTrue;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.service.cm.ConfigurationAdmin;
import org.tessera.crm.core.api.mail.MailDeliveryException;
import org.tessera.crm.core.api.mail.MailMessage;
import org.tessera.crm.core.api.mail.MailSender;

/**
 * The core's MailSender in Karaf: not configured by default (and says so), then, pointed at an SMTP
 * server on loopback through its configuration, it sends an HTML and text message in UTF-8 — which
 * needs Jakarta Mail and Activation to find their content handlers inside OSGi.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class MailIT {
    private static final String PID = "org.tessera.crm.mail";

    @Inject
    MailSender mail;
    @Inject
    ConfigurationAdmin configurations;

    @Configuration
    public Option[] config() {
        return TesseraContainer.options();
    }

    @Test
    public void sendsThroughTheConfiguredServer() throws Exception {
        org.osgi.service.cm.Configuration configuration = configurations.getConfiguration(PID, "?");
        Dictionary<String, Object> previous = configuration.getProperties();
        try (SmtpSink sink = new SmtpSink()) {
            // the distribution ships with no host: sends fail, transiently, until an administrator sets one
            // (set so here: other suites of the shared container may have pointed it at their own server)
            configuration.update(new Hashtable<>(Map.of("host", "")));
            Waits.awaitTrue(() -> !mail.settings().configured, "mail without a host", 10);
            assertFalse(mail.settings().configured);
            try {
                mail.send(message());
                fail("a send without a configured host must fail");
            } catch (MailDeliveryException notConfigured) {
                assertFalse(notConfigured.permanent());
            }
            Dictionary<String, Object> pointed = new Hashtable<>();
            pointed.put("host", "127.0.0.1");
            pointed.put("port", String.valueOf(sink.port()));
            pointed.put("from", "campagnes@example.org");
            configuration.update(pointed);
            Waits.awaitTrue(() -> mail.settings().configured && mail.settings().port == sink.port(), "mail configured", 10);

            String messageId = mail.send(message());
            assertNotNull(messageId);
            String received = sink.next(10);
            assertNotNull("the sink received the message", received);
            assertTrue(received, received.contains("From: campagnes@example.org"));
            assertTrue(received, received.contains("multipart/alternative"));
            assertTrue(received, received.contains("text/html; charset=UTF-8"));
            assertTrue(received, received.contains("List-Unsubscribe: <https://crm.example/u/1>"));
            assertTrue(received, received.contains(messageId));
        } finally {
            configuration.update(previous == null ? new Hashtable<>(Map.of("host", "")) : previous);
        }
    }

    private static MailMessage message() {
        MailMessage message = new MailMessage();
        message.to = List.of("renee.oconnor@example.org");
        message.subject = "Offre réservée à Renée";
        message.html = "<p>Bonjour Renée</p>";
        message.text = "Bonjour Renée";
        message.headers = Map.of("List-Unsubscribe", "<https://crm.example/u/1>");
        return message;
    }
}
