package org.tessera.crm.core.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tessera.crm.core.api.ValidationException;
import org.tessera.crm.core.api.mail.MailDeliveryException;
import org.tessera.crm.core.api.mail.MailMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

class SmtpMailSenderTest {
    private GreenMail smtp;
    private int port;

    @BeforeEach
    void startSmtp() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterEach
    void stopSmtp() {
        smtp.stop();
    }

    @Test
    void sendsHtmlAndTextAlternativesWithHeadersInUtf8() throws Exception {
        SmtpMailSender sender = new SmtpMailSender(config("127.0.0.1", port, "", ""));
        MailMessage message = message("renee@example.org");
        message.subject = "Offre pour Renée O'Connor";
        message.html = "<p>Bonjour Renée</p>";
        message.text = "Bonjour Renée";
        message.headers = Map.of("List-Unsubscribe", "<https://crm.example/u/abc>");
        String id = sender.send(message);
        assertNotNull(id);
        MimeMessage received = smtp.getReceivedMessages()[0];
        assertEquals("Offre pour Renée O'Connor", received.getSubject());
        assertEquals("campaigns@example.org", received.getFrom()[0].toString());
        assertEquals(id, received.getMessageID());
        assertEquals("<https://crm.example/u/abc>", received.getHeader("List-Unsubscribe")[0]);
        MimeMultipart alternative = (MimeMultipart) received.getContent();
        assertEquals(2, alternative.getCount());
        assertTrue(GreenMailUtil.getBody(alternative.getBodyPart(1)).contains("Bonjour Ren"));
    }

    @Test
    void usesTheMessagesSenderWhenGiven() throws Exception {
        SmtpMailSender sender = new SmtpMailSender(config("127.0.0.1", port, "", ""));
        MailMessage message = message("a@example.org");
        message.from = "service@example.org";
        message.text = "x";
        sender.send(message);
        assertEquals("service@example.org", smtp.getReceivedMessages()[0].getFrom()[0].toString());
    }

    @Test
    void authenticatesWhenAUserIsConfigured() throws Exception {
        smtp.setUser("crm", "s3cret");
        SmtpMailSender sender = new SmtpMailSender(config("127.0.0.1", port, "crm", "s3cret"));
        MailMessage message = message("b@example.org");
        message.text = "x";
        sender.send(message);
        assertEquals(1, smtp.getReceivedMessages().length);
        SmtpMailSender wrong = new SmtpMailSender(config("127.0.0.1", port, "crm", "wrong"));
        MailDeliveryException refused = assertThrows(MailDeliveryException.class, () -> wrong.send(message));
        assertEquals(1, smtp.getReceivedMessages().length);
        assertNotNull(refused.getMessage());
    }

    @Test
    void unreachableServerIsTransient() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        SmtpMailSender sender = new SmtpMailSender(config("127.0.0.1", closed, "", ""));
        MailMessage message = message("c@example.org");
        message.text = "x";
        MailDeliveryException e = assertThrows(MailDeliveryException.class, () -> sender.send(message));
        assertFalse(e.permanent());
    }

    @Test
    void malformedAddressIsPermanentAndMissingPartsAreNamed() {
        SmtpMailSender sender = new SmtpMailSender(config("127.0.0.1", port, "", ""));
        MailMessage malformed = message("not an address");
        malformed.text = "x";
        assertTrue(assertThrows(MailDeliveryException.class, () -> sender.send(malformed)).permanent());
        MailMessage empty = new MailMessage();
        ValidationException e = assertThrows(ValidationException.class, () -> sender.send(empty));
        assertEquals(List.of("to", "body"), e.errors().stream().map(error -> error.field).toList());
    }

    @Test
    void notConfiguredSaysSoAndFailsTransiently() {
        SmtpMailSender sender = new SmtpMailSender(config("", 25, "", ""));
        assertFalse(sender.settings().configured);
        MailMessage message = message("d@example.org");
        message.text = "x";
        MailDeliveryException e = assertThrows(MailDeliveryException.class, () -> sender.send(message));
        assertFalse(e.permanent());
        assertTrue(e.getMessage().contains("not configured"));
    }

    private static MailMessage message(String to) {
        MailMessage message = new MailMessage();
        message.to = List.of(to);
        return message;
    }

    private static MailConfiguration config(String host, int port, String username, String password) {
        return new MailConfiguration() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return MailConfiguration.class;
            }

            @Override
            public String host() {
                return host;
            }

            @Override
            public int port() {
                return port;
            }

            @Override
            public String username() {
                return username;
            }

            @Override
            public String password() {
                return password;
            }

            @Override
            public String from() {
                return "campaigns@example.org";
            }

            @Override
            public boolean startTls() {
                return false;
            }

            @Override
            public boolean ssl() {
                return false;
            }

            @Override
            public int connectTimeoutMillis() {
                return 2000;
            }

            @Override
            public int timeoutMillis() {
                return 5000;
            }
        };
    }
}
