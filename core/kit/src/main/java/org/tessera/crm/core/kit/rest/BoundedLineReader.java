package org.tessera.crm.core.kit.rest;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines of at most a given number of characters, without ever holding more: the part of a
 * longer line beyond the limit is read and dropped, never buffered, and the line is reported as
 * too long. A line ends at {@code \n}; a {@code \r} before it is dropped.
 */
public final class BoundedLineReader {
    /** One line: its text, or {@code null} text when it was longer than the limit. */
    public record Line(String text, long length) {
        public boolean tooLong() {
            return text == null;
        }
    }

    private final Reader in;
    private final int maxChars;
    private final char[] buffer = new char[8192];
    private int position;
    private int end;

    public BoundedLineReader(Reader in, int maxChars) {
        this.in = in;
        this.maxChars = maxChars;
    }

    /** The next line, or {@code null} at the end of the input. */
    public Line next() throws IOException {
        StringBuilder line = new StringBuilder();
        long length = 0;
        boolean any = false;
        while (true) {
            if (position == end && !fill()) {
                return any ? finish(line, length) : null;
            }
            any = true;
            int newline = indexOfNewline();
            int stop = newline < 0 ? end : newline;
            int chunk = stop - position;
            // keep one more than the limit, for a trailing \r that does not count; drop the rest unread
            long room = maxChars + 1L - line.length();
            if (room > 0) {
                line.append(buffer, position, (int) Math.min(chunk, room));
            }
            length += chunk;
            position = stop;
            if (newline >= 0) {
                position++;
                return finish(line, length);
            }
        }
    }

    private int indexOfNewline() {
        for (int i = position; i < end; i++) {
            if (buffer[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private Line finish(StringBuilder line, long length) {
        if (line.length() > 0 && line.charAt(line.length() - 1) == '\r' && length <= maxChars + 1L) {
            line.setLength(line.length() - 1);
            length--;
        }
        return length > maxChars ? new Line(null, length) : new Line(line.toString(), length);
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) {
            return false;
        }
        position = 0;
        end = n;
        return true;
    }

    public int maxChars() {
        return maxChars;
    }
}
