package barometer.indexer;

import barometer.indexer.sentiment.AnalysedArticle;

/**
 * An article as a backend holds it: the article with its tagged sentences and tones (or pending), and the story it
 * was put in. What moves between backends ({@code ./barometer reindex}) without re-tagging or re-clustering.
 */
public record StoredArticle(AnalysedArticle analysed, String story) {
}
