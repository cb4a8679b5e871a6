package org.tessera.crm.core.kit.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class BoundedLineReaderTest {

    @Test
    void readsLinesEndedByNewlineOrCrlf() throws IOException {
        BoundedLineReader lines = new BoundedLineReader(new StringReader("a\r\nbb\n\nccc"), 3);
        assertEquals("a", lines.next().text());
        assertEquals("bb", lines.next().text());
        assertEquals("", lines.next().text());
        assertEquals("ccc", lines.next().text());
        assertNull(lines.next());
    }

    @Test
    void aLineBeyondTheLimitIsReportedAndTheNextOneIsRead() throws IOException {
        BoundedLineReader lines = new BoundedLineReader(new StringReader("abcd\nabc\r\nabcde\r\n"), 3);
        BoundedLineReader.Line tooLong = lines.next();
        assertTrue(tooLong.tooLong());
        assertEquals(4, tooLong.length());
        assertEquals("abc", lines.next().text());
        assertTrue(lines.next().tooLong());
        assertNull(lines.next());
    }

    /** A gigantic line is read through with constant memory: the reader never holds it. */
    @Test
    void aHugeLineIsNeverBuffered() throws IOException {
        long huge = Integer.MAX_VALUE + 1L; // more chars than any String or StringBuilder can hold
        Reader endlessLine = new Reader() {
            private long sent;

            @Override
            public int read(char[] buffer, int offset, int length) {
                if (sent > huge) {
                    return -1;
                }
                int n = (int) Math.min(length, huge + 1 - sent);
                Arrays.fill(buffer, offset, offset + n, 'x');
                if (sent + n > huge) {
                    buffer[offset + n - 1] = '\n';
                }
                sent += n;
                return n;
            }

            @Override
            public void close() {
            }
        };
        BoundedLineReader lines = new BoundedLineReader(endlessLine, 1024);
        BoundedLineReader.Line line = lines.next();
        assertTrue(line.tooLong());
        assertEquals(huge, line.length());
        assertNull(lines.next());
    }
}
