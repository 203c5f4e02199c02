package barometer.indexer.sentiment;

import barometer.crawler.Article;
import java.util.List;

/**
 * An article with every sentence of its text tagged, or stored ahead of its tagging.
 *
 * @param article the article as crawled
 * @param sentences its sentences in order (none while pending)
 * @param pending true when the article is stored to be searchable now and tagged later by the tagging queue
 */
public record AnalysedArticle(Article article, List<TaggedSentence> sentences, boolean pending) {
    public AnalysedArticle {
        sentences = List.copyOf(sentences);
    }

    /** A tagged article. */
    public AnalysedArticle(Article article, List<TaggedSentence> sentences) {
        this(article, sentences, false);
    }

    /** An article stored before its tagging: searchable and counted, without tone until the queue reaches it. */
    public static AnalysedArticle untagged(Article article) {
        return new AnalysedArticle(article, List.of(), true);
    }

    /** Mean label of the tagged sentences (0..4), or NaN when none was tagged. */
    public double meanSentiment() {
        return sentences.stream().filter(TaggedSentence::isTagged).mapToInt(TaggedSentence::sentiment)
                .average().orElse(Double.NaN);
    }

    /** Share of the tagged sentences in a tone class (0..1), or NaN when none was tagged. */
    public double share(ToneClass tone) {
        long tagged = sentences.stream().filter(TaggedSentence::isTagged).count();
        if (tagged == 0) {
            return Double.NaN;
        }
        long inClass = sentences.stream().filter(TaggedSentence::isTagged)
                .filter(s -> ToneClass.ofLabel(s.sentiment()) == tone).count();
        return (double) inClass / tagged;
    }

    /** Sentences over the length cap, which carry no label. */
    public int untaggedSentences() {
        return (int) sentences.stream().filter(s -> !s.isTagged()).count();
    }
}
