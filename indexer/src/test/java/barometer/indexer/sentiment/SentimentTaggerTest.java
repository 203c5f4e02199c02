package barometer.indexer.sentiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import barometer.crawler.Article;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs the real CoreNLP models (default parser) and the bundled tone model. */
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

    private static ToneClass toneToward(TaggedSentence s, String phrase) {
        return s.toneAt(s.text().indexOf(phrase));
    }

    /** One sentence, neutral as a whole, hostile toward one politician and warm toward the other. */
    @Test
    void keywordToneTellsTwoPeopleInANeutralSentenceApart() {
        TaggedSentence s = tagger.tag("Critics attacked Newsom's plan, but voters praised Padilla for his calm "
                + "leadership.").get(0);

        assertEquals(2, s.sentiment());
        assertEquals(ToneClass.NEGATIVE, toneToward(s, "Newsom"));
        assertEquals(ToneClass.POSITIVE, toneToward(s, "Padilla"));
    }

    /** The sentence class follows the miserable night; the tone toward Obama follows the thanks. */
    @Test
    void keywordToneDisagreesWithTheSentenceClassWhereTheMentionIsTreatedWell() {
        TaggedSentence s = tagger.tag("Obama warmly thanked the volunteers, who had worked through a miserable, "
                + "freezing night.").get(0);
        TaggedSentence t = tagger.tag("Marinelli's supporters cheered as he promised to fight on despite the "
                + "terrible polls.").get(0);

        assertEquals(1, s.sentiment());
        assertEquals(ToneClass.POSITIVE, toneToward(s, "Obama"));
        assertEquals(1, t.sentiment());
        assertEquals(ToneClass.POSITIVE, toneToward(t, "Marinelli"));
    }

    @Test
    void aRunOfNounsIsOnePhraseAndFunctionWordsHaveNone() {
        String text = "Louis Marinelli, the founder of the Calexit campaign, moved to Russia.";
        TaggedSentence s = tagger.tag(text).get(0);

        assertEquals(new MentionTone(0, 15, ToneClass.POSITIVE), s.mentions().get(0));
        assertEquals(null, s.toneAt(text.indexOf("the")));
        assertEquals(null, s.toneAt(text.indexOf("of")));
    }

    @Test
    void toneTowardAMentionReadsTheSentenceThatHoldsIt() {
        String text = "The weather was awful. Voters praised Padilla for his calm leadership.";

        assertEquals(ToneClass.POSITIVE, tagger.toneToward(text, text.indexOf("Padilla"), text.indexOf("Padilla") + 7));
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

    @Test
    void aWireCopyReusesTheSentencesItSharesAndTagsTheRestAsIfAlone() {
        String shared = "The governor's plan drew sharp criticism from rural counties.";
        List<TaggedSentence> original = tagger.tag("Officials met on Monday to discuss the budget.\n\n" + shared);
        long before = reused();
        List<TaggedSentence> copy = tagger.tag("A different outlet opened its copy with this line.\n\n" + shared);
        // The shared sentence comes back as it was tagged the first time: same label, probabilities and tones;
        // it, and only it, was not tagged again.
        assertEquals(original.get(1), copy.get(1));
        assertEquals(before + 1, reused());
        // The new sentence is tagged on its own, as a fresh tagger tags it.
        List<TaggedSentence> fresh = new SentimentTagger(60, 1).tag("A different outlet opened its copy with this line.");
        assertEquals(fresh.get(0), copy.get(0));
    }

    @Test
    void textsTaggedAtOnceOnOneSetOfModelsComeOutAsWhenTaggedOneAtATime() throws Exception {
        List<String> texts = List.of(
                "The senator praised the brave volunteers who rebuilt the flooded school.",
                "Critics called the referendum a reckless and divisive gamble.",
                "Polls show support for independence rising slowly among younger voters in the north.",
                "The committee will meet again on Thursday.",
                "Supporters cheered while opponents warned of a painful economic shock.",
                "The mayor's weak answer angered residents who had waited for hours.");
        SentimentTagger alone = new SentimentTagger(60, 1);
        List<List<TaggedSentence>> expected = texts.stream().map(alone::tag).toList();

        // Two workers on two slots: both slots hold the same CoreNLP annotators, used from two threads at once.
        SentimentTagger shared = new SentimentTagger(60, 1, 2, Parser.DEFAULT, ToneModel.bundled());
        java.util.concurrent.ExecutorService workers = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<List<TaggedSentence>>> futures = texts.stream()
                    .map(text -> workers.submit(() -> shared.tag(text))).toList();
            for (int i = 0; i < texts.size(); i++) {
                assertEquals(expected.get(i), futures.get(i).get(), texts.get(i));
            }
        } finally {
            workers.shutdown();
        }
    }

    private static long reused() {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("sentences reused from recent articles: (\\d+)")
                .matcher(tagger.profile());
        assertTrue(m.find(), tagger.profile());
        return Long.parseLong(m.group(1));
    }
}
