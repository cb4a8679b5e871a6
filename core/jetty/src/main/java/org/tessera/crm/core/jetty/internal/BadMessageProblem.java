package org.tessera.crm.core.jetty.internal;

/**
 * The problem body of a request Jetty could not parse, written by hand: this class lives in Jetty's
 * class space (see {@link ProblemErrorHandler}), where no JSON library is wired. Jetty does not tell
 * which part of the request was malformed and the request's path may not even be known, so the
 * detail explains what usually went wrong; no byte of the request is echoed, and Jetty's own reason
 * is kept only when it is a short printable ASCII phrase.
 */
final class BadMessageProblem {
    /** The type of plain HTTP errors, as in the core's {@code ProblemTypes.ABOUT_BLANK}. */
    static final String TYPE = "about:blank";
    private static final int MAX_REASON_CHARS = 120;
    private static final int BAD_REQUEST = 400;

    private BadMessageProblem() {
    }

    static String json(int status, String title, String reason) {
        String detail = "The server could not parse the request line or headers";
        if (isPlainPhrase(reason) && !reason.equalsIgnoreCase(title)) {
            detail += " (" + reason + ")";
        }
        detail += ".";
        if (status == BAD_REQUEST) {
            detail += " A frequent cause: a '%' in the path that does not start an escape of two hexadecimal"
                    + " digits, such as %20 for a space; write a '%' itself as %25.";
        }
        return problem(status, title, detail);
    }

    /** A problem with the given detail, which must hold no byte of the request. */
    static String problem(int status, String title, String detail) {
        return "{\"type\":" + quote(TYPE) + ",\"title\":" + quote(title) + ",\"status\":" + status
                + ",\"detail\":" + quote(detail) + "}";
    }

    private static boolean isPlainPhrase(String reason) {
        if (reason == null || reason.isBlank() || reason.length() > MAX_REASON_CHARS) {
            return false;
        }
        return reason.chars().allMatch(c -> c >= ' ' && c < 0x7f);
    }

    /** A JSON string; every character outside printable ASCII, and the HTML-special ones, escaped as \\uXXXX. */
    static String quote(String text) {
        StringBuilder json = new StringBuilder(text.length() + 2).append('"');
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < ' ' || c >= 0x7f || c == '<' || c == '>' || c == '&') {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }
}
