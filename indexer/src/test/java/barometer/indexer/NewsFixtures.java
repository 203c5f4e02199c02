package barometer.indexer;

import barometer.crawler.Article;
import barometer.indexer.sentiment.AnalysedArticle;
import barometer.indexer.sentiment.MentionTone;
import barometer.indexer.sentiment.TaggedSentence;
import barometer.indexer.sentiment.ToneClass;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Small hand-tagged articles the index tests of every backend share; expected values are worked out by hand. */
public final class NewsFixtures {
    private NewsFixtures() {
    }

    /** An article whose text is its sentences, each given as "label:text" (slug "b" is on topic texit). */
    public static AnalysedArticle article(String slug, String source, String published, String... sentences) {
        List<TaggedSentence> tagged = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (String s : sentences) {
            int colon = s.indexOf(':');
            tagged.add(new TaggedSentence(s.substring(colon + 1), Integer.parseInt(s.substring(0, colon))));
            texts.add(s.substring(colon + 1));
        }
        return new AnalysedArticle(new Article("http://news.test/" + slug, "Title " + slug, source,
                published == null ? null : Instant.parse(published), String.join(" ", texts),
                slug.equals("b") ? "texit" : "calexit"), tagged);
    }

    /** Five articles, four naming secession (one undated), over two outlets and January to March 2017. */
    public static void addFixtures(NewsIndex target) {
        target.add(article("a", "Ledger", "2017-01-03T10:00:00Z", "1:Secession petition approved by officials.",
                "3:The weather was lovely."));
        target.add(article("b", "Courier", "2017-01-20T10:00:00Z", "2:The secession campaign held a rally."));
        target.add(article("c", "Ledger", "2017-03-02T10:00:00Z", "0:A poll on secession shows support falling.",
                "0:Rain fell all day.", "2:Officials were calm."));
        target.add(article("d", "Courier", "2017-03-09T10:00:00Z", "2:Storms hit the coast."));
        target.add(article("e", "Ledger", null, "3:An undated secession story."));
    }

    /** A sentence with a phrase tone on every occurrence of each named phrase, other words without one. */
    public static TaggedSentence withPhrases(String text, int label, Object... phraseAndTone) {
        List<MentionTone> mentions = new ArrayList<>();
        for (int i = 0; i < phraseAndTone.length; i += 2) {
            String phrase = (String) phraseAndTone[i];
            for (int from = text.indexOf(phrase); from >= 0; from = text.indexOf(phrase, from + 1)) {
                mentions.add(new MentionTone(from, from + phrase.length(), (ToneClass) phraseAndTone[i + 1]));
            }
        }
        mentions.sort(Comparator.comparingInt(MentionTone::from));
        return new TaggedSentence(text, label, List.of(), mentions);
    }

    /**
     * Two articles of January 2017: one sentence warm toward Hale and hostile toward Marsh (CoreNLP's class for the
     * whole is neutral), and one naming "Governor Ann Hale" twice, neutrally.
     */
    public static void addRivals(NewsIndex target) {
        target.add(new AnalysedArticle(new Article("http://news.test/r1", "Rivals", "Ledger",
                Instant.parse("2017-01-05T10:00:00Z"), "Voters praised Hale, but they attacked Marsh."),
                List.of(withPhrases("Voters praised Hale, but they attacked Marsh.", 2,
                        "Voters", ToneClass.NEUTRAL, "praised", ToneClass.POSITIVE, "Hale", ToneClass.POSITIVE,
                        "attacked", ToneClass.NEGATIVE, "Marsh", ToneClass.NEGATIVE))));
        target.add(new AnalysedArticle(new Article("http://news.test/r2", "Governor", "Courier",
                Instant.parse("2017-01-09T10:00:00Z"), "Governor Ann Hale spoke, and Governor Ann Hale left."),
                List.of(withPhrases("Governor Ann Hale spoke, and Governor Ann Hale left.", 1,
                        "Governor Ann Hale", ToneClass.NEUTRAL, "spoke", ToneClass.NEUTRAL))));
    }
}
