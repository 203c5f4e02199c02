package barometer.indexer;

import java.time.Instant;
import java.util.List;

/**
 * One article of a complete export ({@link NewsIndex#exportArticles}): what a researcher's table needs, with
 * the text only when asked for.
 *
 * @param url the article's address
 * @param title its headline
 * @param source the outlet
 * @param published publication time, or {@code null} when unknown
 * @param authors the byline's names, possibly none
 * @param language the page's language ("en"), or empty
 * @param story the id of its story (near-duplicates share one)
 * @param sentiment mean sentence class, 0..4, or {@code null} while untagged
 * @param tone the class of that mean, or {@code null}
 * @param negativeShare share of its tagged sentences labelled 0-1, or {@code null}
 * @param neutralShare share labelled 2, or {@code null}
 * @param positiveShare share labelled 3-4, or {@code null}
 * @param text the main text, or {@code null} when not asked for
 */
public record ExportedArticle(String url, String title, String source, Instant published, List<String> authors,
                              String language, String story, Double sentiment, String tone, Double negativeShare,
                              Double neutralShare, Double positiveShare, String text) {
    public ExportedArticle {
        authors = List.copyOf(authors == null ? List.of() : authors);
        language = language == null ? "" : language;
    }
}
