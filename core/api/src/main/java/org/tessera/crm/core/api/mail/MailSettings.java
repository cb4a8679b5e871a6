package org.tessera.crm.core.api.mail;

/** What a module may know of the mail configuration: never the credentials. */
public class MailSettings {
    /** The SMTP host; empty when mail is not configured. */
    public String host;
    public int port;
    /** The default sender. */
    public String from;
    /** Whether a host is configured: without one, every send fails (transient). */
    public boolean configured;
}
