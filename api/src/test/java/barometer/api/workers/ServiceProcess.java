package barometer.api.workers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
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

/** The packaged service ({@code target/quarkus-app}) as a process of its own on a free loopback port. */
final class ServiceProcess implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;

    private ServiceProcess(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts the service with these settings ({@code -Dkey=value}) and waits until it answers its status.
     *
     * @param heap the JVM's maximum heap, e.g. {@code 1200m}
     */
    static ServiceProcess start(String name, String heap, Map<String, String> settings, Path logs)
            throws IOException, InterruptedException {
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath();
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: this test runs after the package phase (mvn verify)");
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "--enable-native-access=ALL-UNNAMED", "--add-modules", "jdk.incubator.vector",
                "-Dvertx.disableURIValidation=true", "-Dquarkus.http.port=" + port, "-Dquarkus.http.host=127.0.0.1"));
        settings.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(List.of("-jar", jar.toString()));
        Files.createDirectories(logs);
        Path log = logs.resolve(name + ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ServiceProcess service = new ServiceProcess(name, p, port, log);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException(name + " exited at start:\n" + service.logTail());
            }
            try {
                service.status();
                return service;
            } catch (IOException notYet) {
                Thread.sleep(250);
            }
        }
        service.close();
        throw new IllegalStateException(name + " did not answer within 120 s:\n" + service.logTail());
    }

    /** {@code GET /api/status}. */
    JsonNode status() throws IOException, InterruptedException {
        return get("/api/status").body();
    }

    /** A GET on this process, with its status code and JSON body. */
    Answer get(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), JSON.readTree(r.body().isEmpty() ? "null" : r.body()));
    }

    /** A status code and JSON body. */
    record Answer(int code, JsonNode body) {
    }

    /** Kills the process at once ({@code SIGKILL}): no shutdown hook runs, no lease is let go. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** The last lines the process wrote, for a failure's message. */
    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return name + ": " + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return name + ": no log (" + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
