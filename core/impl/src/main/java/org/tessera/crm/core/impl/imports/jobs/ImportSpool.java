package org.tessera.crm.core.impl.imports.jobs;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where the files of import jobs wait until their job is finished: one file per job, written while
 * the upload is read (8 KiB at a time, never the whole file in memory) and counted in lines on the
 * way. A file is written under a temporary name, then moved into place, so that a job never sees a
 * half-written file.
 */
final class ImportSpool {
    private static final int BUFFER = 1 << 16;

    /** What was received: its size and lines (a last line without a newline counts). */
    record Received(long bytes, long lines) {
    }

    private final Path directory;

    ImportSpool(Path directory) {
        this.directory = directory;
    }

    Path directory() {
        return directory;
    }

    Received write(String jobId, InputStream upload) {
        Path target = fileOf(jobId);
        Path partial = directory.resolve(jobId + ".part");
        try {
            Files.createDirectories(directory);
            long bytes = 0;
            long lines = 0;
            int last = '\n';
            byte[] buffer = new byte[BUFFER];
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial))) {
                int read;
                while ((read = upload.read(buffer)) > 0) {
                    out.write(buffer, 0, read);
                    for (int i = 0; i < read; i++) {
                        if (buffer[i] == '\n') {
                            lines++;
                        }
                    }
                    last = buffer[read - 1];
                    bytes += read;
                }
            }
            if (last != '\n') {
                lines++;
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new Received(bytes, lines);
        } catch (IOException e) {
            delete(jobId);
            throw new UncheckedIOException("the upload of import job " + jobId + " could not be spooled", e);
        } catch (RuntimeException e) {
            delete(jobId);
            throw e;
        }
    }

    InputStream open(String jobId) throws IOException {
        return new BufferedInputStream(Files.newInputStream(fileOf(jobId)), BUFFER);
    }

    boolean exists(String jobId) {
        return Files.isRegularFile(fileOf(jobId));
    }

    void delete(String jobId) {
        try {
            Files.deleteIfExists(fileOf(jobId));
            Files.deleteIfExists(directory.resolve(jobId + ".part"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path fileOf(String jobId) {
        if (!jobId.matches("[0-9a-f-]{36}")) {
            throw new IllegalArgumentException("not a job id: " + jobId);
        }
        return directory.resolve(jobId + ".upload");
    }
}
