package barometer.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.codelibs.opensearch.runner.OpenSearchRunner;
import org.opensearch.common.settings.Settings;

/**
 * A local OpenSearch cluster of N nodes on loopback, all in this JVM, for trying scale-out on one machine and for
 * the OpenSearch backend's tests.
 *
 * <p>Node i (from 1) answers HTTP on {@code port + i - 1} and talks to the others on {@code transport + i - 1}; every
 * node may be the cluster manager and holds data. Once the cluster is green it prints one line,
 * {@code ready http://127.0.0.1:9200,...}, and runs until it is stopped (Ctrl-C, SIGTERM). With {@code --commands} it
 * reads commands on standard input instead, one per line: {@code stop N} and {@code start N} (a node, as in a node
 * failure and its return) and {@code quit}; it then also stops when standard input closes, so that a test process
 * that dies takes its cluster with it.
 *
 * <p>Its own JVM, not Barometer's: OpenSearch 3.8 carries Lucene 10.5 and a netty of its own, and either clashes
 * with the service's classpath.
 */
public final class LocalCluster {
    private final Options options;
    private final PrintStream out;
    private final OpenSearchRunner runner = new OpenSearchRunner();

    private LocalCluster(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /** The command line: {@code --nodes 3 --port 9200 --transport 9300 --data DIR --name barometer-local --clean --commands}. */
    record Options(int nodes, int port, int transport, Path data, String name, boolean clean, boolean commands) {
        static Options parse(String[] args) throws IOException {
            int nodes = 3, port = 9200, transport = -1;
            Path data = null;
            String name = "barometer-local";
            boolean clean = false;
            boolean commands = false;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--nodes" -> nodes = positive(a, value(args, ++i));
                    case "--port" -> port = positive(a, value(args, ++i));
                    case "--transport" -> transport = positive(a, value(args, ++i));
                    case "--data" -> data = Path.of(value(args, ++i));
                    case "--name" -> name = value(args, ++i);
                    case "--clean" -> clean = true;
                    case "--commands" -> commands = true;
                    default -> throw new IllegalArgumentException("unknown option " + a
                            + " (known: --nodes N --port P --transport P --data DIR --name NAME --clean --commands)");
                }
            }
            if (nodes > 9) {
                throw new IllegalArgumentException("--nodes: at most 9 on one machine");
            }
            if (transport < 0) {
                transport = port + 100;
            }
            if (Math.abs(transport - port) < nodes) {
                throw new IllegalArgumentException("--transport: its ports must not overlap the HTTP ports");
            }
            if (data == null) {
                data = Files.createTempDirectory("barometer-cluster");
                clean = true;
            }
            return new Options(nodes, port, transport, data.toAbsolutePath(), name, clean, commands);
        }

        private static String value(String[] args, int i) {
            if (i >= args.length) {
                throw new IllegalArgumentException(args[i - 1] + " needs a value");
            }
            return args[i];
        }

        private static int positive(String option, String value) {
            try {
                int v = Integer.parseInt(value);
                if (v > 0) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // Reported below.
            }
            throw new IllegalArgumentException(option + " needs a positive whole number, not '" + value + "'");
        }

        List<String> httpAddresses() {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < nodes; i++) {
                out.add("http://127.0.0.1:" + (port + i));
            }
            return out;
        }

        List<String> transportAddresses() {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < nodes; i++) {
                out.add("127.0.0.1:" + (transport + i));
            }
            return out;
        }
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("cluster: " + e.getMessage());
            System.exit(2);
            return;
        }
        LocalCluster cluster = new LocalCluster(options, System.out);
        Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "cluster-stop"));
        cluster.start();
        if (!options.commands()) {
            // Until Ctrl-C or SIGTERM; the shutdown hook stops the nodes.
            Thread.currentThread().join();
        }
        cluster.serveCommands(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
        cluster.close();
        System.exit(0);
    }

    private void start() {
        List<String> seeds = options.transportAddresses();
        List<String> managers = new ArrayList<>();
        for (int i = 1; i <= options.nodes(); i++) {
            managers.add("Node " + i);
        }
        runner.onBuild((number, settings) -> {
            settings.put("network.host", "127.0.0.1");
            settings.put("http.port", Integer.toString(options.port() + number - 1));
            settings.put("transport.port", Integer.toString(options.transport() + number - 1));
            settings.putList("discovery.seed_hosts", seeds);
            if (options.nodes() > 1) {
                settings.putList("cluster.initial_cluster_manager_nodes", managers);
            }
            // A laptop's nearly full disk must not make the cluster refuse shards.
            settings.put("cluster.routing.allocation.disk.threshold_enabled", false);
            settings.put("action.auto_create_index", false);
        });
        // Ports are fixed (-1: no probing for a free one), so the addresses printed are the ones used.
        runner.setMaxHttpPort(-1);
        runner.build(OpenSearchRunner.newConfigs()
                .numOfNode(options.nodes())
                .baseHttpPort(options.port() - 1)
                .clusterName(options.name())
                .basePath(options.data().toString())
                .disableESLogger());
        runner.ensureGreen();
        out.println("ready " + String.join(",", options.httpAddresses()));
        if (!options.commands()) {
            out.println("cluster '" + options.name() + "': " + options.nodes() + " node(s), data in " + options.data()
                    + "; serve on it with ./barometer serve -Dbarometer.index.backend=opensearch "
                    + "-Dbarometer.opensearch.hosts=" + String.join(",", options.httpAddresses()) + "  (Ctrl-C stops it)");
        }
        out.flush();
    }

    private void serveCommands(BufferedReader in) throws IOException {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String[] words = line.strip().split("\\s+");
            switch (words[0]) {
                case "" -> { }
                case "quit" -> {
                    return;
                }
                case "stop", "start" -> node(words);
                default -> out.println("error unknown command '" + words[0] + "' (stop N, start N, quit)");
            }
            out.flush();
        }
    }

    private void node(String[] words) {
        int n;
        try {
            n = Integer.parseInt(words.length > 1 ? words[1] : "");
        } catch (NumberFormatException e) {
            out.println("error " + words[0] + " needs a node number");
            return;
        }
        if (n < 1 || n > options.nodes()) {
            out.println("error no node " + n);
            return;
        }
        try {
            if (words[0].equals("stop")) {
                runner.getNode(n - 1).close();
                out.println("stopped " + n);
            } else if (runner.startNode(n - 1)) {
                out.println("started " + n);
            } else {
                out.println("error node " + n + " is running");
            }
        } catch (IOException | RuntimeException e) {
            out.println("error " + words[0] + " " + n + ": " + e.getMessage());
        }
    }

    private synchronized void close() {
        if (runner.isClosed()) {
            return;
        }
        try {
            runner.close();
        } catch (IOException e) {
            System.err.println("cluster: stopping failed: " + e.getMessage());
        }
        if (options.clean()) {
            runner.clean();
        }
    }
}
