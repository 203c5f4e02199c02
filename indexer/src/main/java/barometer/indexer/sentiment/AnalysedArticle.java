package barometer.indexer.sentiment;

import barometer.crawler.Article;
import java.util.List;

/**
 * An article with every sentence of its text tagged.
 *
 * @param article the article as crawled
 * @param sentences its sentences in order
 */
public record AnalysedArticle(Article article, List<TaggedSentence> sentences) {
    public AnalysedArticle {
        sentences = List.copyOf(sentences);
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
