package org.tessera.crm.core.rest.limits;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body that refuses to be read past its limit: the reader that goes beyond it (the JSON
 * provider, an importer) gets the 413 {@link BodyLimits#tooLarge} problem, whoever it is, whether
 * or not the client declared a Content-Length.
 */
final class LimitedInputStream extends FilterInputStream {
    private final long limit;
    private final String key;
    private long count;

    LimitedInputStream(InputStream in, long limit, String key) {
        super(in);
        this.limit = limit;
        this.key = key;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        counted(skipped);
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void counted(long n) {
        count += n;
        if (count > limit) {
            throw BodyLimits.tooLarge(limit, key);
        }
    }
}
