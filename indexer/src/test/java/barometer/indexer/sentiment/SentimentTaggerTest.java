package barometer.indexer.sentiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import barometer.crawler.Article;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs the real CoreNLP models. */
class SentimentTaggerTest {
    private static SentimentTagger tagger;

    @BeforeAll
    static void loadModels() {
        tagger = new SentimentTagger(60, 1);
    }

    @Test
    void tagsAClearlyPositiveSentenceVeryPositive() {
        TaggedSentence s = tagger.tag("This is a wonderful, brilliant and truly beautiful film.").get(0);

        assertEquals(4, s.sentiment());
        assertClassProbabilities(s);
    }

    @Test
    void tagsAClearlyNegativeSentenceNegative() {
        TaggedSentence s = tagger.tag("The plan is a terrible, stupid and painful failure.").get(0);

        assertEquals(1, s.sentiment());
        assertClassProbabilities(s);
    }

    /** Five probabilities that sum to 1, the largest one at the predicted class. */
    private static void assertClassProbabilities(TaggedSentence s) {
        assertEquals(5, s.probabilities().size());
        assertEquals(1.0, s.probabilities().stream().mapToDouble(Double::doubleValue).sum(), 1e-6);
        double max = s.probabilities().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        assertEquals(max, s.probabilities().get(s.sentiment()));
    }

    @Test
    void splitsParagraphsIntoSentencesInOrder() {
        List<TaggedSentence> sentences = tagger.tag("Voters met on Tuesday.\n\nThe result was a disaster");

        assertEquals(List.of("Voters met on Tuesday.", "The result was a disaster"),
                sentences.stream().map(TaggedSentence::text).toList());
    }

    @Test
    void leavesSentencesOverTheLengthCapUntagged() {
        String longSentence = "The committee " + "and the council ".repeat(40) + "met.";

        List<TaggedSentence> sentences = tagger.tag(longSentence);

        assertEquals(1, sentences.size());
        assertEquals(TaggedSentence.UNTAGGED, sentences.get(0).sentiment());
    }

    @Test
    void articleMeanIsTheMeanOfItsTaggedSentences() {
        AnalysedArticle analysed = tagger.analyse(new Article("http://x.test/a", "t", "s", null,
                "This is a wonderful, brilliant and truly beautiful film.\n\n"
                + "The plan is a terrible, stupid and painful failure.\n\n"
                + "The committee " + "and the council ".repeat(40) + "met."));

        assertEquals(3, analysed.sentences().size());
        assertEquals(2.5, analysed.meanSentiment(), "(4 + 1) / 2; the long sentence does not count");
    }
}
