package barometer.indexer.opensearch;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real OpenSearch cluster for tests: the cluster module's launcher ({@code barometer.cluster.LocalCluster}) in a
 * child JVM (OpenSearch's Lucene and netty would clash with ours), on free loopback ports. Nodes can be stopped and
 * started again through the launcher's standard input.
 */
public final class LocalClusterProcess implements AutoCloseable {
    private static final long START_SECONDS = 180;

    private final Process process;
    private final PrintWriter commands;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<URI> hosts = new ArrayList<>();

    private LocalClusterProcess(Process process) {
        this.process = process;
        this.commands = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("error " + e.getMessage());
            }
            lines.add("exited");
        }, "cluster-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code nodes} nodes and waits until the cluster is green. */
    public static LocalClusterProcess start(int nodes) throws IOException, InterruptedException {
        Path module = Path.of("..", "cluster", "target").toAbsolutePath().normalize();
        Path classpath = module.resolve("classpath.txt");
        if (!Files.exists(classpath)) {
            throw new IllegalStateException(classpath + " is missing: build the cluster module first (./mvnw -pl cluster package)");
        }
        int port = freeRange(nodes);
        int transport = freeRange(nodes);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-Xmx768m", "-cp",
                module.resolve("classes") + File.pathSeparator + Files.readString(classpath).strip(),
                "barometer.cluster.LocalCluster", "--nodes", Integer.toString(nodes), "--port", Integer.toString(port),
                "--transport", Integer.toString(transport), "--name", "barometer-test-" + port, "--commands");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        LocalClusterProcess cluster = new LocalClusterProcess(p);
        String ready = cluster.await("ready ", START_SECONDS);
        for (String h : ready.substring("ready ".length()).split(",")) {
            cluster.hosts.add(URI.create(h));
        }
        return cluster;
    }

    /** A range of free consecutive ports (checked once; the launcher fails clearly if one is taken meanwhile). */
    private static int freeRange(int size) throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base;
            try (ServerSocket s = new ServerSocket(0)) {
                base = s.getLocalPort();
            }
            if (base + size > 65_000) {
                continue;
            }
            boolean free = true;
            for (int p = base; p < base + size && free; p++) {
                try (ServerSocket s = new ServerSocket(p, 1, java.net.InetAddress.getLoopbackAddress())) {
                    s.setReuseAddress(true);
                } catch (IOException e) {
                    free = false;
                }
            }
            if (free) {
                return base;
            }
        }
        throw new IOException("no free range of " + size + " ports");
    }

    public List<URI> hosts() {
        return List.copyOf(hosts);
    }

    /** Stops node {@code n} (from 1), as a node failure would. */
    public void stopNode(int n) throws InterruptedException {
        commands.println("stop " + n);
        await("stopped " + n, 60);
    }

    /** Starts node {@code n} again. */
    public void startNode(int n) throws InterruptedException {
        commands.println("start " + n);
        await("started " + n, 120);
    }

    private String await(String prefix, long seconds) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        StringBuilder seen = new StringBuilder();
        while (System.nanoTime() < end) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line == null) {
                continue;
            }
            if (line.startsWith(prefix)) {
                return line;
            }
            if (line.equals("exited") || line.startsWith("error ")) {
                throw new IllegalStateException("the cluster failed: " + line + "\n" + tail(seen));
            }
            seen.append(line).append('\n');
        }
        throw new IllegalStateException("the cluster did not say '" + prefix + "' within " + seconds + " s\n" + tail(seen));
    }

    private static String tail(StringBuilder s) {
        return s.length() > 4000 ? s.substring(s.length() - 4000) : s.toString();
    }

    @Override
    public void close() throws InterruptedException {
        commands.println("quit");
        commands.close();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
