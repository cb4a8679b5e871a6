package org.tessera.crm.core.ui.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Answers a GET or HEAD with a file of a bundle: its content type, an entity tag from the
 * bundle's build (a {@code 304} when the client has it), the cache policy the caller chose, and
 * gzip when the client takes it and the file is text. Compressed files are kept in a small cache
 * keyed by the build, so a page's every load does not compress Lit again.
 */
final class StaticFiles {
    /** Hashed files never change under their name: a year, never revalidated. */
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    /** Stable names (index.html, the shared Lit, a module's files): revalidate each time, cheap with the entity tag. */
    static final String REVALIDATE = "no-cache";
    /** Below this size the gzip header costs more than it saves. */
    private static final int GZIP_THRESHOLD = 1024;
    private static final int GZIP_CACHE_ENTRIES = 256;

    private final Map<String, byte[]> gzipped = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > GZIP_CACHE_ENTRIES;
        }
    };

    /**
     * @param file the bundle entry to send
     * @param path its path, for the content type
     * @param version what identifies the file's build (bundle id and last modification)
     * @param cacheControl {@link #IMMUTABLE} or {@link #REVALIDATE}
     */
    void send(HttpServletRequest request, HttpServletResponse response, URL file, String path, String version,
            String cacheControl) throws IOException {
        boolean gzip = ContentTypes.compressible(path) && acceptsGzip(request);
        String etag = "\"" + version + (gzip ? "-gz" : "") + "\"";
        response.setHeader("Cache-Control", cacheControl);
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (ContentTypes.compressible(path)) {
            response.setHeader("Vary", "Accept-Encoding");
        }
        response.setHeader("ETag", etag);
        if (matches(request.getHeader("If-None-Match"), version)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        byte[] body;
        try (InputStream in = file.openStream()) {
            body = in.readAllBytes();
        }
        if (gzip && body.length >= GZIP_THRESHOLD) {
            body = compressed(file + "@" + version, body);
            response.setHeader("Content-Encoding", "gzip");
        } else if (gzip) {
            response.setHeader("ETag", "\"" + version + "\"");
        }
        response.setContentType(ContentTypes.of(path));
        response.setContentLength(body.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
    }

    /** Whether {@code If-None-Match} names this build, in either encoding (or is {@code *}). */
    static boolean matches(String ifNoneMatch, String version) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String candidate = tag.trim();
            if (candidate.startsWith("W/")) {
                candidate = candidate.substring(2);
            }
            if (candidate.equals("*") || candidate.equals("\"" + version + "\"") || candidate.equals("\"" + version + "-gz\"")) {
                return true;
            }
        }
        return false;
    }

    static boolean acceptsGzip(HttpServletRequest request) {
        String accepted = request.getHeader("Accept-Encoding");
        if (accepted == null) {
            return false;
        }
        for (String coding : accepted.split(",")) {
            String[] parts = coding.trim().split(";");
            if (parts[0].trim().equalsIgnoreCase("gzip")) {
                return parts.length == 1 || !parts[1].replace(" ", "").matches("q=0(\\.0*)?");
            }
        }
        return false;
    }

    private byte[] compressed(String key, byte[] body) throws IOException {
        synchronized (gzipped) {
            byte[] known = gzipped.get(key);
            if (known != null) {
                return known;
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 3 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(body);
        }
        byte[] compressed = out.toByteArray();
        synchronized (gzipped) {
            gzipped.put(key, compressed);
        }
        return compressed;
    }
}
