package barometer.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** Static widgets, embed pages and oEmbed over HTTP: images that decode, escaping, caching, framing, CORS. */
@QuarkusTest
class WidgetApiTest {

    @BeforeEach
    void waitForTheFirstCrawl() throws InterruptedException {
        FirstCrawl.await();
    }

    @Test
    void pngWidgetHasTheAskedSizeAndIsNotBlank() throws Exception {
        byte[] png = given().queryParam("q", "secession").queryParam("measure", "tone").queryParam("interval", "year")
                .queryParam("width", 400).queryParam("height", 250)
                .when().get("/widgets/trend.png")
                .then().statusCode(200).contentType("image/png").extract().asByteArray();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(400, image.getWidth());
        assertEquals(250, image.getHeight());
        Set<Integer> colours = new HashSet<>();
        for (int x = 0; x < image.getWidth(); x += 3) {
            for (int y = 0; y < image.getHeight(); y += 3) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertTrue(colours.size() > 20, "distinct colours: " + colours.size());
    }

    @Test
    void svgWidgetIsXmlWithTheTitleAndEscapesMarkup() throws Exception {
        byte[] svg = given().queryParam("topic", "secession").queryParam("answer", "support")
                .queryParam("title", "Calexit <script>alert(1)</script> support")
                .when().get("/widgets/poll.svg")
                .then().statusCode(200).contentType(containsString("image/svg+xml")).extract().asByteArray();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg));
        assertEquals("svg", doc.getDocumentElement().getNodeName());
        assertEquals(0, doc.getElementsByTagName("script").getLength());
        assertTrue(doc.getDocumentElement().getTextContent().contains("Calexit <script>alert(1)</script> support"));
        assertTrue(doc.getDocumentElement().getTextContent().contains("Latest: "));
        // The chart in words: its accessible name and its title element.
        assertEquals("img", doc.getDocumentElement().getAttribute("role"));
        String alt = doc.getDocumentElement().getAttribute("aria-label");
        assertTrue(alt.startsWith("Calexit <script>alert(1)</script> support: "), alt);
        assertEquals(alt, doc.getElementsByTagName("title").item(0).getTextContent());
    }

    @Test
    void unchangedWidgetIsAnsweredNotModified() {
        String etag = given().queryParam("q", "calexit").when().get("/widgets/trend.png")
                .then().statusCode(200).header("Cache-Control", containsString("max-age")).extract().header("ETag");
        given().queryParam("q", "calexit").header("If-None-Match", etag).when().get("/widgets/trend.png")
                .then().statusCode(304);
    }

    @Test
    void badWidgetParametersAreClearErrors() {
        given().queryParam("width", "99999").when().get("/widgets/trend.png")
                .then().statusCode(400).body("error", containsString("width"));
        given().when().get("/widgets/chart.png").then().statusCode(400).body("error", equalTo("unknown widget 'chart'"));
        given().when().get("/widgets/trend.gif").then().statusCode(400).body("error", containsString("gif"));
    }

    @Test
    void embedPageMayBeFramedAnywhereAndEscapesTheQuery() {
        String html = given().queryParam("q", "<script>alert(1)</script>").when().get("/embed/trend")
                .then().statusCode(200).header("Content-Security-Policy", "frame-ancestors *")
                .body(not(containsString("<script>alert"))).extract().asString();
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertTrue(html.contains("href=\"/explore?q="));
        given().when().get("/").then().statusCode(200).header("Content-Security-Policy", "frame-ancestors 'self'");
    }

    @Test
    void oembedDescribesAnIframeOfTheEmbedPage() {
        String page = "http://localhost:8081/explore?q=calexit&interval=year";
        given().queryParam("url", page).queryParam("maxwidth", 500).when().get("/oembed")
                .then().statusCode(200)
                .body("type", equalTo("rich")).body("version", equalTo("1.0")).body("width", equalTo(500))
                .body("html", containsString("/embed/trend?q=calexit&amp;interval=year"))
                .body("thumbnail_url", containsString("/widgets/trend.png?q=calexit&interval=year"))
                .body("description", startsWith("“calexit”: articles per year: fell from 5 (2016-01-01) to 1 (2019-01-01)"))
                .body("html", containsString("title=\"“calexit”: articles per year: fell from 5"));
        given().queryParam("url", "http://localhost:8081/api/status").when().get("/oembed").then().statusCode(404);
    }

    @Test
    void explorerPageLinksItsOembed() {
        String html = given().queryParam("q", "calexit").when().get("/explore").then().statusCode(200).extract().asString();
        assertTrue(html.contains("type=\"application/json+oembed\""));
        assertTrue(html.contains("/oembed?format=json&amp;url=http%3A%2F%2Flocalhost%3A8081%2Fexplore%3Fq%3Dcalexit"));
    }

    @Test
    void apiAnswersOtherOrigins() {
        given().header("Origin", "http://newsletter.example").queryParam("q", "calexit").when().get("/api/trends")
                .then().statusCode(200).header("Access-Control-Allow-Origin", "*");
        String methods = given().header("Origin", "http://newsletter.example")
                .header("Access-Control-Request-Method", "POST").when().options("/api/polls/import")
                .then().extract().header("Access-Control-Allow-Methods");
        assertFalse(methods != null && methods.contains("POST"), "cross-origin POST allowed: " + methods);
    }
}
