package org.tessera.crm.core.api.mail;

/**
 * A message was not handed to the SMTP server. {@link #permanent()} tells a sender whether to
 * retry: true when the address is refused or malformed (a bounce: record it, do not retry), false
 * when the server could not be reached or answered a temporary refusal (retry later).
 */
public class MailDeliveryException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final boolean permanent;

    public MailDeliveryException(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    public boolean permanent() {
        return permanent;
    }
}
