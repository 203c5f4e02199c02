package barometer.crawler.fetch;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HostPacerTest {

    @Test
    void keepsRequestsToOneHostApartByTheLongerOfFloorAndCrawlDelay() throws Exception {
        HostPacer pacer = new HostPacer(Duration.ofMillis(100));
        URI a = URI.create("http://a.test/1");
        long t0 = System.nanoTime();

        pacer.await(a, Duration.ZERO);
        pacer.await(a, Duration.ofMillis(300));
        pacer.await(a, Duration.ZERO);

        long elapsedMs = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(elapsedMs >= 400, "100 ms floor, then a 300 ms crawl delay: " + elapsedMs + " ms");
    }

    @Test
    void otherHostsDoNotWait() throws Exception {
        HostPacer pacer = new HostPacer(Duration.ofSeconds(5));
        long t0 = System.nanoTime();

        pacer.await(URI.create("http://a.test/"), Duration.ZERO);
        pacer.await(URI.create("http://b.test/"), Duration.ZERO);
        pacer.await(URI.create("https://a.test/"), Duration.ZERO);

        assertTrue((System.nanoTime() - t0) / 1_000_000 < 1000, "three hosts, no waiting");
    }
}
