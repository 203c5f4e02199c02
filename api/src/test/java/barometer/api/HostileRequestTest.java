package barometer.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Malformed and adversarial requests to the public endpoints, sent as raw request lines (so that broken
 * percent-encoding and huge addresses reach the server as they are): every answer must be a JSON 4xx within 2 s.
 */
@QuarkusTest
class HostileRequestTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URL root;

    /** One raw answer: status, headers (lower-cased names), body, and how long it took. */
    private record Answer(int status, String headers, String body, long millis) {
    }

    private Answer send(String target) throws Exception {
        long t0 = System.nanoTime();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), root.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            // Chunk sizes count bytes: split and unchunk as ISO-8859-1 (one char per byte), then read the body as UTF-8.
            String raw = all.toString(StandardCharsets.ISO_8859_1);
            int split = raw.indexOf("\r\n\r\n");
            String head = split < 0 ? raw : raw.substring(0, split);
            String body = split < 0 ? "" : raw.substring(split + 4);
            if (head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
                body = unchunk(body);
            }
            body = new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
            int status = Integer.parseInt(head.substring(9, 12));
            return new Answer(status, head.toLowerCase(Locale.ROOT), body, (System.nanoTime() - t0) / 1_000_000);
        }
    }

    private static String unchunk(String body) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < body.length()) {
            int nl = body.indexOf("\r\n", i);
            if (nl < 0) {
                break;
            }
            int size = Integer.parseInt(body.substring(i, nl).strip(), 16);
            if (size == 0) {
                break;
            }
            out.append(body, nl + 2, nl + 2 + size);
            i = nl + 2 + size + 2;
        }
        return out.toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The malformed requests: each class of the hardening report, on each endpoint that takes it. */
    private static List<String> hostileTargets() {
        List<String> queries = new ArrayList<>(List.of("/[/", "/(/", "/a{2,1}/", "/.{1,100000}/", "/(a|b)*a(a|b){20}/",
                "/" + "x".repeat(500) + "/", "(".repeat(5_000) + "a", "(".repeat(40) + "a" + ")".repeat(40),
                "((((((((((((((((((((a))))))))))))))))))))", "a~2", "s~", "ab~1", "body:[a TO z]", "[* TO *]",
                "{a TO z}", "title:[0 TO 9]", "*ession", "s*", "?ecession", "secession AND (", "\"unclosed", ")",
                "a:b:c:(", "title:", "NOT", "AND OR", "x ".repeat(50_000), "a".repeat(3_000), "/" + "(".repeat(30) + "/"));
        for (int i = 0; i < 40; i++) {
            queries.add("/" + "ab|".repeat(i + 1) + "[" + "/"); // broken character classes of growing length
        }
        List<String> targets = new ArrayList<>();
        for (String q : queries) {
            targets.add("/api/search?q=" + enc(q));
            targets.add("/api/trends?q=" + enc(q));
            targets.add("/api/trends?q=calexit&q=" + enc(q));
            targets.add("/api/trends/evidence?start=2017-01-01&q=" + enc(q));
        }
        for (String raw : List.of("q=%zz", "q=%", "q=%E0%A4%A", "q=abc%", "q=%%41", "from=%G0", "q=a&q=%-1")) {
            for (String path : List.of("/api/search", "/api/trends", "/api/polls", "/api/polls/trend")) {
                targets.add(path + "?" + raw);
            }
        }
        String huge = "a".repeat(100_000);
        for (String path : List.of("/api/search", "/api/trends", "/api/polls", "/api/polls/trend", "/widgets/trend.png",
                "/oembed")) {
            targets.add(path + "?q=" + huge);
            targets.add(path + "?topic=" + huge);
        }
        for (String bad : List.of("page=0", "page=-1", "page=abc", "size=0", "size=1000", "size=1e3", "from=2017-13-01",
                "from=yesterday", "to=2017-02-30", "sort=random", "tone=angry", "kind=tweet", "cursor=bm90", "format=xml",
                "from=2019-01-01&to=2017-01-01", "page=0&page=1", "size=abc&size=10")) {
            targets.add("/api/search?q=secession&" + bad);
        }
        for (String bad : List.of("interval=hour", "tz=Mars/Olympus", "scope=vibes", "smooth=0", "smooth=-3",
                "smooth=99999", "by=author", "from=2017-01-01&to=2016-01-01", "interval=day&from=1000-01-01&to=9999-12-31",
                "q=a&q=b&q=c&q=d&q=e&q=f", "format=pdf", "interval=hour&interval=day")) {
            targets.add("/api/trends?q=secession&" + bad);
        }
        for (String bad : List.of("from=x", "to=2017-02-30", "population=martians", "format=xml")) {
            targets.add("/api/polls?" + bad);
        }
        for (String bad : List.of("", "topic=secession", "answer=support", "topic=secession&answer=support&population=x",
                "topic=secession&answer=support&format=xml")) {
            targets.add("/api/polls/trend?" + bad);
        }
        for (String bad : List.of("start=x&q=a", "q=a", "start=2017-01-01&q=a&limit=0", "start=2017-01-01&q=a&limit=x",
                "start=2017-01-01&q=a&interval=hour")) {
            targets.add("/api/trends/evidence?" + bad);
        }
        return targets;
    }

    @Test
    void everyMalformedRequestGetsAJsonRefusalWithinTwoSeconds() throws Exception {
        List<String> targets = hostileTargets();
        int serverErrors = 0, notJson = 0, notRefused = 0;
        long slowest = 0;
        String slowestTarget = "";
        List<String> wrong = new ArrayList<>();
        for (String target : targets) {
            Answer a = send(target);
            if (a.millis() > slowest) {
                slowest = a.millis();
                slowestTarget = target;
            }
            boolean json = a.headers().contains("content-type: application/json") && isErrorBody(a.body());
            if (a.status() >= 500) {
                serverErrors++;
            } else if (a.status() < 400) {
                notRefused++;
            } else if (!json) {
                notJson++;
            }
            if (a.status() < 400 || a.status() >= 500 || !json || a.millis() > 2_000) {
                wrong.add(a.status() + " in " + a.millis() + " ms: " + abbreviated(target) + " -> " + abbreviated(a.body()));
            }
        }
        System.out.printf("hostile requests: %d sent, %d answered 5xx, %d not refused, %d non-JSON 4xx, slowest %d ms "
                + "(%s)%n", targets.size(), serverErrors, notRefused, notJson, slowest, abbreviated(slowestTarget));
        assertTrue(targets.size() >= 300, "a few hundred requests: " + targets.size());
        assertEquals(List.of(), wrong);
    }

    private static boolean isErrorBody(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node.hasNonNull("error") && node.get("error").isTextual() && node.has("hint");
        } catch (Exception e) {
            return false;
        }
    }

    private static String abbreviated(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "..." : s;
    }

    @Test
    void everyAnswerSaysNosniffAndPublicReadsAllowAnyOrigin() throws Exception {
        for (String target : List.of("/", "/api/search?q=calexit", "/api/search?q=(", "/widgets/trend.svg?q=calexit",
                "/oembed?url=" + enc("http://localhost/explore?q=calexit"), "/api/methods", "/api/status")) {
            Answer a = send(target);
            assertTrue(a.headers().contains("x-content-type-options: nosniff"), target + ": " + a.headers());
            assertTrue(a.headers().contains("access-control-allow-origin: *"), target + ": " + a.headers());
        }
        Answer admin = send("/api/admin/sources");
        assertEquals(401, admin.status(), "no key sent");
        assertTrue(admin.headers().contains("x-content-type-options: nosniff"));
        assertTrue(!admin.headers().contains("access-control-allow-origin"), admin.headers());
    }

    @Test
    void unknownPathsAndMethodsAreJsonRefusalsToo() {
        given().get("/api/nothing-here").then().statusCode(404).contentType("application/json")
                .body("error", org.hamcrest.Matchers.equalTo("not found"));
        given().delete("/api/search").then().statusCode(405).contentType("application/json")
                .body("error", org.hamcrest.Matchers.equalTo("method not allowed"));
    }
}
