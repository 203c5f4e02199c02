package barometer.indexer;

import java.time.Instant;

/**
 * A stored sentence that matched a query: evidence behind a tone figure.
 *
 * @param text the sentence
 * @param sentiment its label, 0 (very negative) .. 4 (very positive)
 * @param url the article it comes from
 * @param title that article's headline
 * @param source the outlet
 * @param published when the article was published
 */
public record SentenceHit(String text, int sentiment, String url, String title, String source, Instant published) {
}
