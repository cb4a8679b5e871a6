package org.tessera.crm.itests;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * GreenMail, the in-memory SMTP server, started in the test JVM that drives Pax Exam (not inside
 * Karaf): the distribution's MailSender sends to its SMTP port over loopback, and the test probe,
 * which runs inside Karaf, reads what arrived through its POP3 port ({@link Pop3Mailbox}). Started
 * once, by the first configuration that asks for it; it lives as long as the test JVM.
 */
final class GreenMailServer {
    /** In this engineer's port block (base 18200), so the probe finds it without an option. */
    static final int SMTP_PORT = 18210;
    static final int POP3_PORT = 18211;
    private static GreenMail server;

    private GreenMailServer() {
    }

    static synchronized void start() {
        if (server == null) {
            server = new GreenMail(new ServerSetup[] {
                new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(POP3_PORT, "127.0.0.1", ServerSetup.PROTOCOL_POP3)});
            server.start();
        }
    }
}
