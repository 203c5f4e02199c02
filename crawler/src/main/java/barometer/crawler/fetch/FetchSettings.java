package barometer.crawler.fetch;

import java.time.Duration;

/**
 * Limits and identity of the {@link Fetcher}.
 *
 * @param userAgent the User-Agent sent with every request; it names Barometer and where to learn about it
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long a whole response (headers and body) may take
 * @param maxBodyBytes the largest body read; a longer one fails the fetch without being buffered
 * @param retries how many times a transient failure (no answer, timeout, 429, 5xx) is tried again
 * @param retryBase the first wait before trying again; it doubles each time, with jitter, and a 429's
 *     Retry-After wins when it is longer (up to a minute)
 */
public record FetchSettings(String userAgent, Duration connectTimeout, Duration readTimeout, long maxBodyBytes,
                            int retries, Duration retryBase) {

    /** Settings that suit news pages and feeds. */
    public static FetchSettings defaults() {
        return new FetchSettings("Barometer/0.1 (+https://github.com/barometer; news sentiment research crawler)",
                Duration.ofSeconds(10), Duration.ofSeconds(30), 5L * 1024 * 1024, 2, Duration.ofSeconds(2));
    }
}
