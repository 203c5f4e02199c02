package barometer.indexer;

import java.time.Instant;
import java.util.List;

/**
 * One article in a result list.
 *
 * @param url the article's address
 * @param title its headline
 * @param source the outlet
 * @param published publication time, or {@code null} when unknown
 * @param sentiment mean sentence sentiment on CoreNLP's 0 (very negative) .. 4 (very positive) scale, or
 *     {@code null} when no sentence was tagged
 * @param tone the class of that mean (negative, neutral, positive), or {@code null}
 * @param negativeShare share of its tagged sentences labelled 0-1, or {@code null}
 * @param neutralShare share labelled 2, or {@code null}
 * @param positiveShare share labelled 3-4, or {@code null}
 * @param snippet a passage of the body, HTML-escaped, with the matched terms wrapped in {@code <mark>}
 * @param authors the byline's names, possibly none
 * @param language the page's language ("en"), or empty
 */
public record SearchHit(String url, String title, String source, Instant published, Double sentiment, String tone,
                        Double negativeShare, Double neutralShare, Double positiveShare, String snippet,
                        List<String> authors, String language) {
    public SearchHit {
        authors = List.copyOf(authors == null ? List.of() : authors);
        language = language == null ? "" : language;
    }
}
