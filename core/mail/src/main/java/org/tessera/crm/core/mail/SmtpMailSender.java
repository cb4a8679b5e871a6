package org.tessera.crm.core.mail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.core.api.ValidationException;
import org.tessera.crm.core.api.mail.MailDeliveryException;
import org.tessera.crm.core.api.mail.MailMessage;
import org.tessera.crm.core.api.mail.MailSender;
import org.tessera.crm.core.api.mail.MailSettings;

import com.sun.mail.smtp.SMTPAddressFailedException;
import com.sun.mail.smtp.SMTPSendFailedException;
import com.sun.mail.smtp.SMTPSenderFailedException;

import jakarta.mail.Address;
import jakarta.mail.Authenticator;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/**
 * The {@link MailSender} of the server: one Jakarta Mail session built from
 * {@code etc/org.tessera.crm.mail.cfg}, rebuilt when the configuration changes. Registered without
 * a configuration too, so that modules find it and learn from {@link #settings()} that mail is
 * not configured, rather than not finding a service.
 */
@Component(service = MailSender.class, configurationPid = "org.tessera.crm.mail", configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = MailConfiguration.class)
public class SmtpMailSender implements MailSender {
    private static final Logger LOG = LoggerFactory.getLogger(SmtpMailSender.class);

    private volatile Configured current;

    @Activate
    public SmtpMailSender(MailConfiguration configuration) {
        configure(configuration);
    }

    @Modified
    void configure(MailConfiguration configuration) {
        current = new Configured(configuration);
        if (current.configured()) {
            LOG.info("Mail goes through {}:{} (STARTTLS {}, SSL {}) from {}", configuration.host(), configuration.port(),
                    configuration.startTls(), configuration.ssl(), configuration.from());
        } else {
            LOG.info("Mail is not configured (no host in etc/org.tessera.crm.mail.cfg): sends will fail until it is");
        }
    }

    @Override
    public MailSettings settings() {
        MailSettings settings = new MailSettings();
        settings.host = current.configuration.host();
        settings.port = current.configuration.port();
        settings.from = current.configuration.from();
        settings.configured = current.configured();
        return settings;
    }

    @Override
    public String send(MailMessage message) {
        Configured configured = current;
        List<InternetAddress> recipients = validated(message);
        if (!configured.configured()) {
            throw new MailDeliveryException("mail is not configured: set host in etc/org.tessera.crm.mail.cfg", false, null);
        }
        // Jakarta Activation finds the handlers of text/html and multipart through the context class
        // loader; in OSGi that must be the mail bundle's, which carries them.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(Session.class.getClassLoader());
        try {
            MimeMessage mime = mime(configured.session, message, recipients, configured.configuration.from());
            try (Transport transport = configured.session.getTransport(configured.protocol())) {
                transport.connect();
                transport.sendMessage(mime, mime.getAllRecipients());
            }
            return mime.getMessageID();
        } catch (MessagingException e) {
            throw classified(e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static List<InternetAddress> validated(MailMessage message) {
        List<FieldError> errors = new ArrayList<>();
        List<InternetAddress> recipients = new ArrayList<>();
        if (message.to == null || message.to.isEmpty()) {
            errors.add(FieldError.required("to"));
        } else {
            for (int i = 0; i < message.to.size(); i++) {
                String to = message.to.get(i);
                try {
                    InternetAddress address = new InternetAddress(to == null ? "" : to, true);
                    recipients.add(address);
                } catch (AddressException e) {
                    throw new MailDeliveryException("not an email address: to[" + i + "]", true, e);
                }
            }
        }
        if (isBlank(message.html) && isBlank(message.text)) {
            errors.add(new FieldError("body", "required", "a message needs an html or a text body"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return recipients;
    }

    private static MimeMessage mime(Session session, MailMessage message, List<InternetAddress> recipients, String defaultFrom)
            throws MessagingException {
        MimeMessage mime = new MimeMessage(session);
        mime.setFrom(new InternetAddress(isBlank(message.from) ? defaultFrom : message.from, true));
        mime.setRecipients(jakarta.mail.Message.RecipientType.TO, recipients.toArray(Address[]::new));
        mime.setSubject(message.subject == null ? "" : message.subject, StandardCharsets.UTF_8.name());
        if (!isBlank(message.html) && !isBlank(message.text)) {
            MimeMultipart alternative = new MimeMultipart("alternative");
            MimeBodyPart text = new MimeBodyPart();
            text.setText(message.text, StandardCharsets.UTF_8.name(), "plain");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(message.html, StandardCharsets.UTF_8.name(), "html");
            alternative.addBodyPart(text);
            alternative.addBodyPart(html);
            mime.setContent(alternative);
        } else if (!isBlank(message.html)) {
            mime.setText(message.html, StandardCharsets.UTF_8.name(), "html");
        } else {
            mime.setText(message.text, StandardCharsets.UTF_8.name(), "plain");
        }
        if (message.headers != null) {
            for (Map.Entry<String, String> header : message.headers.entrySet()) {
                mime.setHeader(header.getKey(), header.getValue());
            }
        }
        mime.saveChanges();
        return mime;
    }

    /** A refused address or a 5xx answer is permanent (a bounce); anything else may pass later. */
    static MailDeliveryException classified(MessagingException e) {
        boolean permanent = permanent(e);
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
        return new MailDeliveryException((permanent ? "refused: " : "not sent, may be retried: ") + reason, permanent, e);
    }

    private static boolean permanent(MessagingException e) {
        for (Exception cause = e; cause != null; cause = cause instanceof MessagingException m ? m.getNextException() : null) {
            if (cause instanceof SMTPAddressFailedException failed) {
                return failed.getReturnCode() >= 500;
            }
            if (cause instanceof SMTPSenderFailedException failed) {
                return failed.getReturnCode() >= 500;
            }
            if (cause instanceof SMTPSendFailedException failed) {
                return failed.getReturnCode() >= 500;
            }
            if (cause instanceof AddressException) {
                return true;
            }
            if (cause instanceof IOException) {
                return false;
            }
        }
        return e instanceof SendFailedException failed && failed.getInvalidAddresses() != null && failed.getInvalidAddresses().length > 0;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** A configuration and the session built from it, replaced together. */
    private static final class Configured {
        final MailConfiguration configuration;
        final Session session;

        Configured(MailConfiguration configuration) {
            this.configuration = configuration;
            this.session = configuration.host().isBlank() ? null : session(configuration);
        }

        boolean configured() {
            return session != null;
        }

        String protocol() {
            return configuration.ssl() ? "smtps" : "smtp";
        }

        private static Session session(MailConfiguration c) {
            String protocol = c.ssl() ? "smtps" : "smtp";
            Properties properties = new Properties();
            properties.put("mail.transport.protocol", protocol);
            properties.put("mail." + protocol + ".host", c.host().strip());
            properties.put("mail." + protocol + ".port", String.valueOf(c.port()));
            properties.put("mail." + protocol + ".connectiontimeout", String.valueOf(c.connectTimeoutMillis()));
            properties.put("mail." + protocol + ".timeout", String.valueOf(c.timeoutMillis()));
            properties.put("mail." + protocol + ".writetimeout", String.valueOf(c.timeoutMillis()));
            if (c.startTls()) {
                properties.put("mail.smtp.starttls.enable", "true");
                properties.put("mail.smtp.starttls.required", "true");
            }
            if (c.ssl()) {
                properties.put("mail.smtps.ssl.checkserveridentity", "true");
            }
            Authenticator authenticator = null;
            if (!c.username().isBlank()) {
                properties.put("mail." + protocol + ".auth", "true");
                properties.put("mail." + protocol + ".user", c.username());
                authenticator = new Authenticator() {
                    @Override
                    protected PasswordAuthentication getPasswordAuthentication() {
                        return new PasswordAuthentication(c.username(), c.password());
                    }
                };
            }
            return Session.getInstance(properties, authenticator);
        }
    }
}
