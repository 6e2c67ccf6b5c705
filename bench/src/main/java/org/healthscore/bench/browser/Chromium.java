package org.healthscore.bench.browser;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Headless Chromium (Debian's {@code apt-get install -y chromium}) in a new empty profile, with DevTools on a port
 * it picks itself. {@link #close} ends it and its child processes and deletes the profile.
 */
final class Chromium implements AutoCloseable {

    /** As root on a machine with no outside network: no sandbox, and none of the browser's own connections. */
    static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--remote-debugging-port=0");

    /** The two lines Chromium writes to {@code <user-data-dir>/DevToolsActivePort}: its port and browser path. */
    record ActivePort(int port, String browserPath) {
    }

    private final Process process;
    private final Path workDir;
    private final ActivePort activePort;

    private Chromium(Process process, Path workDir, ActivePort activePort) {
        this.process = process;
        this.workDir = workDir;
        this.activePort = activePort;
    }

    static Chromium start(String executable, Duration timeout) throws IOException {
        Path workDir = Files.createTempDirectory("report-check-");
        Path profile = Files.createDirectory(workDir.resolve("profile"));
        Path log = workDir.resolve("chromium.log");
        List<String> command = new ArrayList<>();
        command.add(executable);
        command.addAll(FLAGS);
        command.add("--user-data-dir=" + profile);
        command.add("about:blank");
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            deleteTree(workDir);
            throw new IOException("Cannot start " + executable + " (apt-get install -y chromium)", e);
        }
        Path portFile = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                Optional<ActivePort> port = Files.exists(portFile)
                        ? parseActivePort(Files.readString(portFile, StandardCharsets.UTF_8)) : Optional.empty();
                if (port.isPresent()) {
                    return new Chromium(process, workDir, port.get());
                }
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IOException((process.isAlive() ? "No DevToolsActivePort within " + timeout.toSeconds()
                            + " s" : "Chromium exited with " + process.exitValue()) + "; its output:\n" + tail(log));
                }
                Thread.sleep(50);
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            stop(process);
            deleteTree(workDir);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw e instanceof IOException io ? io : new IOException(e);
        }
    }

    /** Empty while Chromium is still writing the file (it may be read half-written). */
    static Optional<ActivePort> parseActivePort(String content) {
        String[] lines = content.strip().split("\\R");
        if (lines.length < 2 || !lines[0].strip().matches("\\d{1,5}") || !lines[1].strip().startsWith("/devtools/")) {
            return Optional.empty();
        }
        return Optional.of(new ActivePort(Integer.parseInt(lines[0].strip()), lines[1].strip()));
    }

    /** The WebSocket URL of the first {@code page} target in DevTools' {@code /json/list}. */
    static Optional<URI> pageTarget(JsonNode targets) {
        for (JsonNode target : targets) {
            if ("page".equals(target.path("type").asText()) && target.hasNonNull("webSocketDebuggerUrl")) {
                return Optional.of(URI.create(target.get("webSocketDebuggerUrl").asText()));
            }
        }
        return Optional.empty();
    }

    /** Opens the page target's WebSocket (the initial about:blank tab; it may be listed a moment after start). */
    CdpClient connectToPage(Duration timeout) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).build();
        HttpRequest list = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + activePort.port() + "/json/list"))
                .timeout(timeout).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String body = http.send(list, HttpResponse.BodyHandlers.ofString()).body();
            Optional<URI> page = pageTarget(CdpClient.JSON.readTree(body));
            if (page.isPresent()) {
                return CdpClient.connect(page.get(), timeout);
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("No page target in " + body);
            }
            Thread.sleep(100);
        }
    }

    @Override
    public void close() {
        stop(process);
        deleteTree(workDir);
    }

    private static void stop(Process process) {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
