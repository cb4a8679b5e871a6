package org.tessera.crm.itests;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivilegedExceptionAction;

import javax.security.auth.Subject;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;

/**
 * Runs a Karaf shell command as a user with the given roles. The shell's command ACLs hide the
 * {@code tessera:*}, {@code feature:*}, {@code bundle:*}, {@code config:*} and {@code jdbc:*}
 * commands from anyone without the {@code admin} role, including a session created without a user.
 */
final class KarafShell {
    private KarafShell() {
    }

    /** The command's output, or the error it failed with. */
    static String execute(SessionFactory sessions, String command, String login, String... roles) {
        Subject subject = new Subject();
        subject.getPrincipals().add(new UserPrincipal(login));
        for (String role : roles) {
            subject.getPrincipals().add(new RolePrincipal(role));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        try {
            Subject.doAs(subject, (PrivilegedExceptionAction<Object>) () -> {
                Session session = sessions.create(new ByteArrayInputStream(new byte[0]), out, out);
                try {
                    return session.execute(command);
                } finally {
                    session.close();
                }
            });
        } catch (Exception failure) {
            Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
            out.println(cause.getMessage());
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    static String asAdmin(SessionFactory sessions, String command) {
        return execute(sessions, command, "admin", "admin");
    }
}
