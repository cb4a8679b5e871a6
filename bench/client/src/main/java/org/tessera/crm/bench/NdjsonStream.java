package org.tessera.crm.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Generated parties {@code from .. to-1} as an NDJSON byte stream, produced as it is read. */
final class NdjsonStream extends InputStream {
    private final PartyGenerator generator;
    private final ObjectMapper mapper;
    private final long to;
    private long next;
    private byte[] line = new byte[0];
    private int position;

    NdjsonStream(PartyGenerator generator, ObjectMapper mapper, long from, long to) {
        this.generator = generator;
        this.mapper = mapper;
        this.next = from;
        this.to = to;
    }

    private boolean fill() {
        if (position < line.length) {
            return true;
        }
        if (next >= to) {
            return false;
        }
        try {
            byte[] json = mapper.writeValueAsBytes(generator.party(next++));
            line = new byte[json.length + 1];
            System.arraycopy(json, 0, line, 0, json.length);
            line[json.length] = '\n';
            position = 0;
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public int read() {
        return fill() ? line[position++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (len == 0) {
            return 0;
        }
        int total = 0;
        while (total < len && fill()) {
            int n = Math.min(len - total, line.length - position);
            System.arraycopy(line, position, b, off + total, n);
            position += n;
            total += n;
        }
        return total == 0 ? -1 : total;
    }
}
