package barometer.indexer;

import java.time.Instant;

/**
 * One article in a result list.
 *
 * @param url the article's address
 * @param title its headline
 * @param source the outlet
 * @param published publication time, or {@code null} when unknown
 * @param sentiment mean sentence sentiment on CoreNLP's 0 (very negative) .. 4 (very positive) scale, or
 *     {@code null} when no sentence was tagged
 * @param snippet a passage of the body, HTML-escaped, with the matched terms wrapped in {@code <mark>}
 */
public record SearchHit(String url, String title, String source, Instant published, Double sentiment,
                        String snippet) {
}
