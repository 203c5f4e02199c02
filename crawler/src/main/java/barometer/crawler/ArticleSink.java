package barometer.crawler;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * Where a crawl hands its articles. An article counts as taken only when the stage {@link #accept} returns has
 * completed normally (stored and durable); a feed's ETag and Last-Modified are saved only once every new item of it
 * was taken, so that an article lost to a crash or a storage failure is fetched again on the next crawl.
 */
@FunctionalInterface
public interface ArticleSink {

    /** Takes an article; the stage completes when it is stored, exceptionally when it could not be. */
    CompletionStage<?> accept(Article article);

    /** A sink that is done with each article when the consumer returns (tests, tools). */
    static ArticleSink synchronous(Consumer<Article> consumer) {
        return article -> {
            consumer.accept(article);
            return CompletableFuture.completedFuture(null);
        };
    }
}
