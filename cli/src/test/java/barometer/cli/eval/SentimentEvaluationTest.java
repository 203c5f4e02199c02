package barometer.cli.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import barometer.indexer.sentiment.Parser;
import barometer.indexer.sentiment.SentimentTagger;
import barometer.indexer.sentiment.ToneModel;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** eval-sentiment's scoring on a few fixture rows, with the real pipeline and the bundled tone model. */
class SentimentEvaluationTest {
    private static final String RIVALS = "Critics attacked Newsom's plan, but voters praised Padilla for his calm leadership.";
    private static final String THANKS = "Obama warmly thanked the volunteers, who had worked through a miserable, "
            + "freezing night.";
    private static SentimentTagger tagger;

    @BeforeAll
    static void loadModels() {
        tagger = new SentimentTagger(80, 1, 1, Parser.DEFAULT, ToneModel.bundled());
    }

    private static String[] mention(String polarity, String sentence, String who) {
        int from = sentence.indexOf(who);
        return new String[] {polarity, Integer.toString(from), Integer.toString(from + who.length()), who, sentence};
    }

    private static List<String[]> mentions() {
        return List.of(mention("negative", RIVALS, "Newsom"), mention("positive", RIVALS, "Padilla"),
                mention("positive", THANKS, "Obama"));
    }

    /** The keyword model gets all three; the class of their sentences (neutral, neutral, negative) none. */
    @Test
    void scoresMentionsWithTheKeywordModelAndWithTheSentenceClass() {
        SentimentEvaluation.Evaluation keyword = SentimentEvaluation.evaluate(tagger, mentions(), false);
        SentimentEvaluation.Evaluation sentence = SentimentEvaluation.evaluate(tagger, mentions(), true);

        assertEquals(List.of("negative", "positive", "positive"), keyword.predictions());
        assertEquals(1.0, keyword.accuracy());
        assertEquals(List.of("neutral", "neutral", "negative"), sentence.predictions());
        assertEquals(0.0, sentence.accuracy());
    }

    @Test
    void scoresSentenceLabelsOnTheFiveClassScale() {
        List<String[]> rows = List.of(new String[] {"4", "This is a wonderful, brilliant and truly beautiful film."},
                new String[] {"1", "The plan is a terrible, stupid and painful failure."});

        SentimentEvaluation.Evaluation result = SentimentEvaluation.evaluate(tagger, rows, false);

        assertEquals(List.of("4", "1"), result.predictions());
        assertEquals(2, result.n());
        assertEquals(1.0, result.accuracy());
    }

    @Test
    void badRowsAreSkippedWithTheirLineAndReasonAndGoodOnesKept() {
        SentimentEvaluation.Rows rows = SentimentEvaluation.Rows.of(List.of(
                "positive\t0\t5\tObama\tObama spoke.",
                "",
                "happy\t0\t5\tObama\tObama spoke.",
                "negative\t0\t50\tObama\tObama spoke.",
                "neutral\tzero\t5\tObama\tObama spoke.",
                "2\tA sentence label in a mention file.",
                "neutral\t0\t5\tObama\tObama left."));

        assertEquals(2, rows.rows().size());
        assertEquals(List.of(
                "3: label 'happy' is none of 0-4, negative, neutral, positive",
                "4: mention [0, 50) is not inside the sentence of 12 characters",
                "5: offsets 'zero', '5' are not whole numbers",
                "6: 2 columns where the file has 5"), rows.problems());
    }
}
