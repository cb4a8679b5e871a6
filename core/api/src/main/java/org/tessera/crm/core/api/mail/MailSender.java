package org.tessera.crm.core.api.mail;

/**
 * Sends mail through the configured SMTP server. Throttling and batching are the caller's: a
 * campaign send paces itself, this service hands one message over per call.
 */
public interface MailSender {
    /**
     * Sends {@code message} now.
     *
     * @return the Message-ID the message was sent with
     * @throws MailDeliveryException when it was not accepted; see {@link MailDeliveryException#permanent()}
     * @throws org.tessera.crm.core.api.ValidationException when the message itself is incomplete (no
     *         recipient, no body), naming the field
     */
    String send(MailMessage message);

    /** The current configuration, without credentials. */
    MailSettings settings();
}
