package org.tessera.crm.itests.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One node of the cluster: the real distribution unpacked into a directory of its own, on its own
 * ports, configured only through its scripts and {@code etc/} files as an operator would, started
 * and stopped with {@code bin/start} and {@code bin/stop} — or killed with {@code kill -9}.
 */
final class Node {
    private static final Duration BOOT_TIMEOUT = Duration.ofMinutes(4);

    final String name;
    final Path home;
    final int httpPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Node(String name, Path home, int httpPort) {
        this.name = name;
        this.home = home;
        this.httpPort = httpPort;
    }

    /** Unpacks the distribution archive into {@code dir/name} (emptied first) and moves it to its ports. */
    static Node unpack(Path archive, Path dir, String name, int httpPort) throws IOException, InterruptedException {
        Path home = dir.resolve(name);
        if (Files.exists(home)) {
            run(dir, List.of("rm", "-rf", home.toString()), Map.of());
        }
        Files.createDirectories(home);
        run(dir, List.of("tar", "-xzf", archive.toString(), "-C", home.toString(), "--strip-components=1"), Map.of());
        Node node = new Node(name, home, httpPort);
        node.script("tessera-ports", Integer.toString(httpPort));
        return node;
    }

    /** The base of the node's API, e.g. {@code http://localhost:28181/tessera/api/v1}. */
    String api() {
        return "http://localhost:" + httpPort + "/tessera/api/v1";
    }

    /** Runs one of the distribution's {@code bin/} scripts and fails when it fails. */
    void script(String script, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("sh", home.resolve("bin").resolve(script).toString()));
        command.addAll(List.of(arguments));
        run(home, command, Map.of("TESSERA_HTTP_PORT", Integer.toString(httpPort)));
    }

    /** Appends {@code key = value} to {@code etc/<pid>.cfg}: read at the next start. */
    void configure(String pid, String key, String value) throws IOException {
        Path cfg = home.resolve("etc").resolve(pid + ".cfg");
        Files.writeString(cfg, key + " = " + value + "\n", java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
    }

    /** Starts Karaf and waits until the API's health check answers 200. */
    void start() throws IOException, InterruptedException {
        if (healthy()) {
            throw new IllegalStateException("something already answers on " + api() + ": stop it, or set -Dtessera.cluster.port");
        }
        script("start");
        long deadline = System.nanoTime() + BOOT_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (healthy()) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("node " + name + " did not answer on " + api() + "/health within " + BOOT_TIMEOUT + "\n" + logTail(60));
    }

    boolean healthy() {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(api() + "/health")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The Karaf process id, from {@code karaf.pid}. */
    long pid() throws IOException {
        return Long.parseLong(Files.readString(home.resolve("karaf.pid")).trim());
    }

    /** {@code kill -9}: no shutdown hook runs, nothing is released. */
    void kill() throws IOException, InterruptedException {
        long pid = pid();
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        waitForExit(pid, Duration.ofSeconds(30));
    }

    /** {@code bin/stop}, then {@code kill -9} if it is still there after a minute. Never throws. */
    void stop() {
        try {
            if (!Files.exists(home.resolve("karaf.pid"))) {
                return;
            }
            long pid = pid();
            if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                script("stop");
                if (!waitForExit(pid, Duration.ofSeconds(60))) {
                    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
                    waitForExit(pid, Duration.ofSeconds(30));
                }
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("[cluster] stopping node " + name + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean waitForExit(long pid, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }

    /** The last lines of the node's karaf.log, for a failure's message. */
    String logTail(int lines) {
        Path log = home.resolve("data/log/karaf.log");
        try {
            List<String> all = Files.exists(log) ? Files.readAllLines(log) : List.of("(no " + log + ")");
            return "---- node " + name + ", last lines of karaf.log ----\n"
                    + String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(karaf.log of node " + name + " unreadable: " + e + ")";
        }
    }

    private static void run(Path directory, List<String> command, Map<String, String> environment) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
        if (!output.isBlank()) {
            System.out.print("[cluster] " + output);
        }
    }
}
