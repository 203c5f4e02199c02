package barometer.crawler.feed;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import barometer.crawler.fetch.FetchSettings;
import barometer.crawler.fetch.Fetcher;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The 514 real-world feed cases of {@code ../shared/feeds}, served over loopback with the headers each case names,
 * read through {@link FeedInspection} (the code path of {@code inspect-feed} and the crawl) and scored against the
 * reference reader's readings as the shared README defines. Prints the per-field table and the disagreements.
 */
class FeedConformanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern HEADER = Pattern.compile("(?m)^Header:\\s*([^:]+):\\s*(.*)$");
    private static final List<String> ENTRY_FIELDS = List.of("title", "link", "id", "date", "summary", "content");
    static final double FLOOR = 0.95;

    /** Agreements and counted fields per field name. */
    private final Map<String, int[]> table = new TreeMap<>();
    private final List<String> disagreements = new ArrayList<>();

    @Test
    void readsTheSharedCasesAsWellAsTheReferenceReader() throws Exception {
        Path dir = Path.of(System.getProperty("shared.dir", "../../shared"), "feeds").toAbsolutePath().normalize();
        assumeTrue(Files.isDirectory(dir.resolve("cases")), "../shared/feeds is absent: feed conformance not measured");
        List<JsonNode> reference = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("reference.jsonl"), StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                reference.add(JSON.readTree(line));
            }
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            Path file = dir.resolve("cases").resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
            if (!file.startsWith(dir.resolve("cases")) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            byte[] body = Files.readAllBytes(file);
            Map<String, String> headers = headersOf(body);
            headers.putIfAbsent("Content-Type", "application/xml");
            headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
        List<String> slow = new ArrayList<>();
        try (Fetcher fetcher = new Fetcher(new FetchSettings("barometer-test", Duration.ofSeconds(2),
                Duration.ofSeconds(2), 1 << 20, 0, Duration.ofMillis(10)))) {
            FeedInspection inspection = new FeedInspection(fetcher);
            for (JsonNode ref : reference) {
                String caseName = ref.get("case").asText();
                long t0 = System.nanoTime();
                JsonNode got = inspection.inspect(base + caseName);
                long ms = (System.nanoTime() - t0) / 1_000_000;
                if (ms > 2000) {
                    slow.add(caseName + " " + ms + " ms");
                }
                if (got.has("error")) {
                    disagreements.add(caseName + " error: " + got.get("error").asText());
                }
                score(caseName, ref, got, base);
            }
        } finally {
            server.stop(0);
        }
        int agreed = table.values().stream().mapToInt(c -> c[0]).sum();
        int counted = table.values().stream().mapToInt(c -> c[1]).sum();
        double agreement = (double) agreed / counted;
        System.out.println("feed conformance, per field (agreed / counted):");
        table.forEach((f, c) -> System.out.printf("  %-12s %4d / %4d  %.3f%n", f, c[0], c[1], (double) c[0] / c[1]));
        System.out.printf("  %-12s %4d / %4d  %.3f%n", "all", agreed, counted, agreement);
        disagreements.forEach(d -> System.out.println("  differs: " + d));
        assertTrue(slow.isEmpty(), "cases slower than 2 s: " + slow);
        assertTrue(agreement >= FLOOR, "agreement " + agreement + " is below " + FLOOR);
    }

    static Map<String, String> headersOf(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, 2000), StandardCharsets.ISO_8859_1);
        int end = head.indexOf("-->");
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (head.contains("<!--") && end > 0) {
            Matcher m = HEADER.matcher(head.substring(0, end));
            while (m.find()) {
                headers.put(m.group(1).strip(), m.group(2).strip());
            }
        }
        return headers;
    }

    private void score(String caseName, JsonNode ref, JsonNode got, String base) {
        field(caseName, "feed.title", ref.path("feed").path("title"), got.path("feed").path("title"), base);
        field(caseName, "feed.link", ref.path("feed").path("link"), got.path("feed").path("link"), base);
        JsonNode want = ref.path("entries"), have = got.path("entries");
        if (want.size() > 0) {
            count("entries", want.size() == have.size(), caseName, want.size(), have.size());
        }
        for (int i = 0; i < want.size(); i++) {
            JsonNode w = want.get(i), h = have.path(i);
            for (String f : ENTRY_FIELDS) {
                JsonNode wv = f.equals("date") ? date(w) : w.path(f);
                JsonNode hv = f.equals("date") ? date(h) : h.path(f);
                field(caseName, "entry." + f, wv, hv, base);
            }
        }
    }

    private static JsonNode date(JsonNode entry) {
        return entry.hasNonNull("published") ? entry.get("published") : entry.path("updated");
    }

    private void field(String caseName, String name, JsonNode want, JsonNode have, String base) {
        if (want == null || want.isNull() || want.isMissingNode()) {
            return;
        }
        String w = normalise(want.asText().replace("{base}", base));
        String h = have == null || have.isNull() || have.isMissingNode() ? null : normalise(have.asText());
        count(name, w.equals(h), caseName, w, h);
    }

    private void count(String name, boolean agreed, String caseName, Object want, Object have) {
        int[] c = table.computeIfAbsent(name, k -> new int[2]);
        c[1]++;
        if (agreed) {
            c[0]++;
        } else {
            disagreements.add(caseName + " " + name + ": expected [" + want + "] got [" + have + "]");
        }
    }

    private static String normalise(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }
}
