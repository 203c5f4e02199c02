package barometer.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The pages in Debian's headless Chromium, driven through Debian's chromedriver: nothing downloads a browser and
 * nothing leaves loopback. Screenshots of each page land in {@code target/screenshots/}.
 */
@QuarkusTest
class BrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String BASE = "http://127.0.0.1:8081";
    private static WebDriver driver;

    @BeforeAll
    static void startBrowser() {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "browser tests need Debian's chromium and chromium-driver (apt install chromium chromium-driver)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-quic", "--window-size=1200,1000");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @BeforeEach
    void waitForTheFirstCrawl() throws InterruptedException {
        FirstCrawl.await();
        driver.manage().window().setSize(new Dimension(1200, 1000));
    }

    private static WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    private static void screenshot(String name) throws IOException {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        byte[] png = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Files.write(dir.resolve(name + ".png"), png);
    }

    /** A newsletter's page with {@code body} in it, served from another port on loopback (another origin). */
    private static HttpServer newsletter(String body) throws IOException {
        HttpServer host = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] page = ("<!DOCTYPE html><html><head><title>Newsletter</title></head><body><h1>Our newsletter</h1>"
                + body + "</body></html>").getBytes(StandardCharsets.UTF_8);
        host.createContext("/", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        host.start();
        return host;
    }

    @Test
    void searchingShowsMatchingArticlesAndFitsAPhone() throws IOException {
        driver.get(BASE + "/?q=texit");
        waiting().until(d -> d.findElements(By.cssSelector("#results li")).size() == 3);
        assertEquals("(3)", driver.findElement(By.id("total")).getText());
        assertTrue(driver.findElement(By.cssSelector("#results li mark")).getText().equalsIgnoreCase("texit"));
        screenshot("search");
        driver.manage().window().setSize(new Dimension(390, 844));
        driver.get(BASE + "/?q=texit");
        waiting().until(d -> d.findElements(By.cssSelector("#results li")).size() == 3);
        Object overflow = ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertEquals(0L, overflow);
        screenshot("search-phone");
    }

    @Test
    void explorerDrawsOnePointPerYearForEachQueryAndShowsWhatIsBehindOne() throws IOException {
        driver.get(BASE + "/explore?q=secession&q=calexit&interval=year&measure=articles");
        waiting().until(d -> "2".equals(d.findElement(By.id("chart")).getDomAttribute("data-series")));
        assertEquals("4", driver.findElement(By.id("chart")).getDomAttribute("data-points"));
        Object drawn = ((JavascriptExecutor) driver).executeScript(
                "return echarts.getInstanceByDom(document.getElementById('chart')).getOption().series"
                        + ".map(s => s.data.length).join(',');");
        assertEquals("4,4", drawn);
        // Coverage health is read for the chart's period: the demo outlets publish less than daily, so no gaps.
        waiting().until(d -> "0".equals(d.findElement(By.id("chart")).getDomAttribute("data-gaps")));
        assertTrue(driver.findElement(By.id("coverage-note")).getText()
                .startsWith("No gaps in the sources' coverage over this period"));
        assertEquals("/api/sources/health",
                driver.findElement(By.cssSelector("#coverage-note a")).getDomAttribute("href"));
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("pick-bucket"))).selectByVisibleText("2017-01-01");
        driver.findElement(By.cssSelector("#pick button[type=submit]")).click();
        waiting().until(d -> !d.findElements(By.cssSelector("#evidence li a")).isEmpty());
        assertTrue(driver.findElement(By.id("evidence-what")).getText().contains("2017-01-01 to 2017-12-31"));
        screenshot("explore");
    }

    @Test
    void toneChartNamesItsMeasureAndItsMacroF1AndShowsTheToneTowardTheQuery() throws IOException {
        driver.get(BASE + "/explore?q=secession&interval=year&measure=tone");
        waiting().until(d -> "mentions".equals(d.findElement(By.id("measure-note")).getDomAttribute("data-measures")));
        String note = driver.findElement(By.id("measure-note")).getText();
        assertTrue(note.contains("keyword-scoped tone model"), note);
        // "secession" is an issue word; the tone model was measured on mentions of people only.
        assertTrue(note.contains("not measured for this kind of query"), note);
        assertFalse(note.contains("macro-F1"), note);
        assertEquals("/api/methods", driver.findElement(By.cssSelector("#measure-note a")).getDomAttribute("href"));
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("pick-bucket"))).selectByVisibleText("2017-01-01");
        driver.findElement(By.cssSelector("#pick button[type=submit]")).click();
        waiting().until(d -> !d.findElements(By.cssSelector("#evidence li .meta")).isEmpty());
        assertTrue(driver.findElement(By.cssSelector("#evidence li .meta")).getText().contains("tone toward “secession”"));
        screenshot("explore-tone");

        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("scope"))).selectByValue("sentences");
        waiting().until(d -> "sentences".equals(d.findElement(By.id("measure-note")).getDomAttribute("data-measures")));
        assertTrue(driver.findElement(By.id("measure-note")).getText().contains("CoreNLP sentence class"));
    }

    @Test
    void pollsPageDrawsEveryConfirmedPollAndTheAverage() throws IOException {
        driver.get(BASE + "/polls.html?topic=secession&answer=support");
        waiting().until(d -> d.findElement(By.id("chart")).getDomAttribute("data-polls") != null);
        assertEquals("8", driver.findElement(By.id("chart")).getDomAttribute("data-polls"));
        assertEquals(8, driver.findElements(By.cssSelector("#table tbody tr")).size());
        assertTrue(Integer.parseInt(driver.findElement(By.id("chart")).getDomAttribute("data-points")) > 900);
        screenshot("polls");
    }

    @Test
    void widgetEmbedCodeRendersInAPageFromAnotherOrigin() throws Exception {
        driver.get(BASE + "/widgets.html");
        waiting().until(d -> !d.findElement(By.id("code-iframe")).getDomProperty("value").isEmpty());
        String embedCode = driver.findElement(By.id("code-iframe")).getDomProperty("value");
        screenshot("widgets");
        HttpServer host = newsletter(embedCode);
        try {
            driver.get("http://127.0.0.1:" + host.getAddress().getPort() + "/");
            driver.switchTo().frame(0);
            waiting().until(d -> d.findElement(By.tagName("body")).getDomAttribute("data-points") != null);
            assertTrue(Integer.parseInt(driver.findElement(By.tagName("body")).getDomAttribute("data-points")) > 30);
            assertEquals(1, driver.findElements(By.cssSelector("#chart canvas")).size());
            assertTrue(driver.findElement(By.id("latest")).getText().startsWith("Latest: "));
            driver.switchTo().defaultContent();
            screenshot("embed-on-another-origin");
        } finally {
            host.stop(0);
        }
    }

    @Test
    void explorerDrawsSupportAttentionAndToneOnOneChartWithThreeAxes() throws IOException {
        driver.get(BASE + "/explore?q=secession&measure=overview&topic=secession&answer=support&interval=year");
        waiting().until(d -> "3".equals(d.findElement(By.id("chart")).getDomAttribute("data-series")));
        assertEquals("4", driver.findElement(By.id("chart")).getDomAttribute("data-points"));
        assertEquals("8", driver.findElement(By.id("chart")).getDomAttribute("data-polls-used"));
        Object axes = ((JavascriptExecutor) driver).executeScript(
                "return echarts.getInstanceByDom(document.getElementById('chart')).getOption().yAxis"
                        + ".map(a => a.name).join('|');");
        assertEquals("Support (%)|Share (%)|Net tone", axes);
        assertTrue(driver.findElement(By.id("overview-note")).isDisplayed());
        assertTrue(driver.findElement(By.id("csv")).getDomAttribute("href").startsWith("/api/overview?"));
        screenshot("explore-overview");
    }

    @Test
    void freezingTheChartOpensItsPermalinkWithTheFrozenDataAndItsCitation() throws IOException {
        driver.get(BASE + "/explore?q=secession&q=calexit&interval=year&measure=share");
        waiting().until(d -> "2".equals(d.findElement(By.id("chart")).getDomAttribute("data-series")));
        driver.findElement(By.id("snapshot")).click();
        waiting().until(d -> d.getCurrentUrl().contains("/s/"));
        waiting().until(d -> d.findElement(By.id("snapshot")).getDomAttribute("data-points") != null
                || d.findElement(By.id("snapshot")).getDomAttribute("data-error") != null);
        assertEquals(null, driver.findElement(By.id("snapshot")).getDomAttribute("data-error"));
        assertEquals("4", driver.findElement(By.id("snapshot")).getDomAttribute("data-points"));
        String id = driver.getCurrentUrl().substring(driver.getCurrentUrl().lastIndexOf('/') + 1);
        assertTrue(driver.findElement(By.id("bibtex-text")).getText().startsWith("@misc{barometer-" + id + ","));
        Object lines = ((JavascriptExecutor) driver).executeScript(
                "return echarts.getInstanceByDom(document.getElementById('chart')).getOption().series"
                        + ".filter(s => !s.silent).map(s => s.name).join('|');");
        assertEquals("secession · share (%)|calexit · share (%)", lines);
        assertEquals("/api/snapshots/" + id + "?format=csv", driver.findElement(By.id("csv")).getDomAttribute("href"));
        screenshot("snapshot-permalink");
    }

    @Test
    void theIframeTellsItsHostItsHeightAndTheHostScriptFitsTheFrame() throws Exception {
        HttpServer host = newsletter("<iframe id=\"w\" src=\"" + BASE + "/embed/overview?topic=secession&interval=year\" "
                + "width=\"480\" height=\"150\" style=\"border:0\" title=\"Barometer\"></iframe>"
                + "<script async src=\"" + BASE + "/embed-resize.js\"></script>");
        try {
            driver.get("http://127.0.0.1:" + host.getAddress().getPort() + "/");
            // The page announces its height whenever it changes: first while its data loads, again once drawn.
            driver.switchTo().frame(driver.findElement(By.id("w")));
            waiting().until(d -> d.findElement(By.tagName("body")).getDomAttribute("data-points") != null);
            int content = Integer.parseInt(driver.findElement(By.tagName("body")).getDomAttribute("data-height"));
            driver.switchTo().defaultContent();
            waiting().until(d -> String.valueOf(content).equals(
                    d.findElement(By.id("w")).getDomAttribute("data-barometer-resized")));
            int resized = Integer.parseInt(driver.findElement(By.id("w")).getDomAttribute("data-barometer-resized"));
            assertEquals(resized, driver.findElement(By.id("w")).getSize().getHeight());
            driver.switchTo().frame(driver.findElement(By.id("w")));
            assertEquals(content, Integer.parseInt(driver.findElement(By.tagName("body")).getDomAttribute("data-height")),
                    "the frame is as tall as its drawn page");
            assertTrue(resized > 250, "taller than the 150 pixels it was given: " + resized);
            assertTrue(driver.findElement(By.id("alt")).getDomProperty("textContent")
                    .startsWith("“secession”: support, attention and tone. Support (%), poll average: "));
            driver.switchTo().defaultContent();
            screenshot("embed-resized");
        } finally {
            host.stop(0);
        }
    }

    @Test
    void theIframeFollowsTheReadersColourSchemeUnlessAThemeIsAsked() {
        var chrome = (org.openqa.selenium.chromium.HasCdp) driver;
        try {
            chrome.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("features",
                    java.util.List.of(java.util.Map.of("name", "prefers-color-scheme", "value", "dark"))));
            driver.get(BASE + "/embed/trend?q=secession");
            assertEquals("rgb(22, 27, 34)", background());
            driver.get(BASE + "/embed/trend?q=secession&theme=light");
            assertEquals("rgb(255, 255, 255)", background());
            chrome.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("features",
                    java.util.List.of(java.util.Map.of("name", "prefers-color-scheme", "value", "light"))));
            driver.get(BASE + "/embed/trend?q=secession");
            assertEquals("rgb(255, 255, 255)", background());
        } finally {
            chrome.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("features", java.util.List.of()));
        }
    }

    private static String background() {
        return String.valueOf(((JavascriptExecutor) driver).executeScript(
                "return getComputedStyle(document.body).backgroundColor;"));
    }
}
