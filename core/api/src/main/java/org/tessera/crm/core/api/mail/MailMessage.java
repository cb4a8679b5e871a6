package org.tessera.crm.core.api.mail;

import java.util.List;
import java.util.Map;

/**
 * One email to send. {@code html} and/or {@code text}: with both, the recipient's client picks
 * (multipart/alternative).
 */
public class MailMessage {
    /** The sender; null for the configured default sender. */
    public String from;
    /** The recipients; at least one. */
    public List<String> to;
    public String subject;
    public String html;
    public String text;
    /** Extra headers, such as {@code List-Unsubscribe}; may be null. */
    public Map<String, String> headers;
}
