package org.tessera.crm.itests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The messages GreenMail holds for one recipient, read over POP3 from inside Karaf with a plain
 * socket (the probe needs no mail library). GreenMail creates a recipient's account on the first
 * message, with the address as login and password.
 */
final class Pop3Mailbox {
    private Pop3Mailbox() {
    }

    /** The raw messages of {@code address}, quoted-printable soft breaks and {@code =3D} undone. */
    static List<String> messages(String address) {
        try (Socket socket = new Socket("127.0.0.1", GreenMailServer.POP3_PORT)) {
            socket.setSoTimeout(10_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            Writer out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8);
            in.readLine();
            if (!command(in, out, "USER " + address).startsWith("+OK") || !command(in, out, "PASS " + address).startsWith("+OK")) {
                return List.of(); // no account yet: nothing was delivered to the address
            }
            int count = Integer.parseInt(command(in, out, "STAT").split(" ")[1]);
            List<String> messages = new ArrayList<>();
            for (int i = 1; i <= count; i++) {
                command(in, out, "RETR " + i);
                StringBuilder message = new StringBuilder();
                for (String line = in.readLine(); line != null && !line.equals("."); line = in.readLine()) {
                    message.append(line.startsWith("..") ? line.substring(1) : line).append('\n');
                }
                messages.add(message.toString().replace("=\n", "").replace("=3D", "="));
            }
            command(in, out, "QUIT");
            return messages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String command(BufferedReader in, Writer out, String command) throws IOException {
        out.write(command + "\r\n");
        out.flush();
        return in.readLine();
    }
}
