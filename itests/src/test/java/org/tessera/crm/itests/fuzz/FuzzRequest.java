package org.tessera.crm.itests.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One generated request. {@code target} is sent byte for byte; {@code body} is null for none;
 * {@code authenticated} says whether the runner adds the administrator's credentials;
 * {@code currentTagOf}, when not null, is the path of an own record whose current ETag the runner
 * reads and sends as {@code If-Match}, so that a full update gets past its precondition.
 */
public record FuzzRequest(Operation operation, Defect defect, String method, byte[] target, Map<String, String> headers,
        byte[] body, boolean authenticated, String currentTagOf) {

    /** A short, printable account of the request for a failure report. */
    public String describe() {
        StringBuilder text = new StringBuilder(method).append(' ').append(printable(target, 160));
        headers.forEach((name, value) -> text.append(" | ").append(name).append(": ").append(printable(
                value.getBytes(StandardCharsets.ISO_8859_1), 60)));
        if (body != null) {
            text.append(" | body(").append(body.length).append(" B): ").append(printable(body, 160));
        }
        return text.append(authenticated ? "" : " | no credentials").toString();
    }

    private static String printable(byte[] bytes, int max) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.min(bytes.length, max); i++) {
            int b = bytes[i] & 0xff;
            text.append(b >= 0x20 && b < 0x7f ? String.valueOf((char) b) : String.format("\\x%02X", b));
        }
        return bytes.length > max ? text + "…(" + bytes.length + ")" : text.toString();
    }
}
