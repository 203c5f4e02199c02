package barometer.indexer;

import barometer.indexer.sentiment.ToneClass;
import java.time.Instant;
import java.util.List;

/**
 * A stored sentence that matched a query: evidence behind a tone figure.
 *
 * @param text the sentence
 * @param sentiment its label, 0 (very negative) .. 4 (very positive)
 * @param url the article it comes from
 * @param title that article's headline
 * @param source the outlet
 * @param published when the article was published
 * @param mentionTones the keyword-scoped tone toward each phrase of the sentence that the query names, in
 *     the order of the query's terms: what the default tone measure counts from this sentence
 */
public record SentenceHit(String text, int sentiment, String url, String title, String source, Instant published,
                          List<ToneClass> mentionTones) {
    public SentenceHit {
        mentionTones = List.copyOf(mentionTones);
    }
}
