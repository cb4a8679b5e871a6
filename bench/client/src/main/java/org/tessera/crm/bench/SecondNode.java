package org.tessera.crm.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A second node for the cluster phase: a copy of the measured distribution (its configuration,
 * its database settings and its administrator login, not its data folder) on the ports
 * {@code bin/tessera-ports} gives it, started and stopped with the distribution's scripts.
 */
final class SecondNode {
    private final Path home;
    private final int port;

    private SecondNode(Path home, int port) {
        this.home = home;
        this.port = port;
    }

    static SecondNode copyOf(Path dist, int port) throws Exception {
        Path home = dist.resolveSibling(dist.getFileName() + "-b");
        RawJdbcLoader.delete(home);
        exec(dist.getParent(), "cp", "-a", dist.toString(), home.toString());
        // not the first node's state: its data folder, and the files that say its Karaf is running there
        RawJdbcLoader.delete(home.resolve("data"));
        RawJdbcLoader.delete(home.resolve("instances"));
        Files.deleteIfExists(home.resolve("karaf.pid"));
        Files.deleteIfExists(home.resolve("lock"));
        exec(home, "sh", home.resolve("bin/tessera-ports").toString(), Integer.toString(port));
        return new SecondNode(home, port);
    }

    int port() {
        return port;
    }

    void start() throws IOException, InterruptedException {
        exec(home, home.resolve("bin/start").toString());
    }

    void stop() throws Exception {
        Optional<ProcessHandle> karaf = process();
        exec(home, home.resolve("bin/stop").toString());
        if (karaf.isPresent()) {
            karaf.get().onExit().get(2, TimeUnit.MINUTES);
        }
    }

    Optional<ProcessHandle> process() {
        String marker = "-Dkaraf.base=" + home;
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(marker) && c.contains("org.apache.karaf.main.Main")).orElse(false))
                .findFirst();
    }

    private static void exec(Path directory, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of(command)).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed");
        }
    }
}
