package barometer.indexer.sentiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bundled tone model with the MiniLM encoder against the one without, on mentions (written for this test,
 * not from NewsMTSC) where the two disagree; both read the same features from the real CoreNLP pipeline and
 * the real encoder.
 */
class EncoderToneModelTest {
    private static SentimentTagger tagger;
    private static ToneModel words;
    private static ToneModel withEncoder;

    @BeforeAll
    static void load() {
        tagger = new SentimentTagger(80, 1, 1, Parser.DEFAULT, null, new SentenceEncoder(1));
        words = ToneModel.bundled();
        withEncoder = ToneModel.bundledWithEncoder();
    }

    private static void assertTones(ToneClass withoutIt, ToneClass withIt, String sentence, String who) {
        int from = sentence.indexOf(who);
        MentionFeatures features = tagger.features(sentence, from, from + who.length());
        assertEquals(withoutIt, words.predict(features), "without the encoder: " + sentence);
        assertEquals(withIt, withEncoder.predict(features), "with the encoder: " + sentence);
    }

    @Test
    void theEncoderReadsToneThatNoNearbyWordCarries() {
        assertTones(ToneClass.NEUTRAL, ToneClass.NEGATIVE, "Prosecutors charged Delgado with fraud on Monday.", "Delgado");
        assertTones(ToneClass.NEUTRAL, ToneClass.NEGATIVE, "Voters have soured on Park since the summer.", "Park");
        assertTones(ToneClass.NEUTRAL, ToneClass.NEGATIVE, "Donors deserted Whitman after the video surfaced.", "Whitman");
        assertTones(ToneClass.NEUTRAL, ToneClass.POSITIVE, "Quinn rose to the occasion during the hearing.", "Quinn");
        assertTones(ToneClass.NEGATIVE, ToneClass.POSITIVE, "Turner has become the face of the recovery.", "Turner");
    }

    @Test
    void itAlsoMakesNewMistakes() {
        // Escaping blame is good news for Hale; the encoder reads the sentence's negative words instead.
        assertTones(ToneClass.NEUTRAL, ToneClass.NEGATIVE, "Hale escaped blame for the collapse of the talks.", "Hale");
    }

    @Test
    void aModelThatReadsTheEncoderSaysSoAndRefusesATaggerWithoutOne() {
        assertTrue(withEncoder.usesEncoder());
        assertFalse(words.usesEncoder());
        assertThrows(IllegalArgumentException.class, () -> new SentimentTagger(80, 1, 1, Parser.PCFG, withEncoder));
    }
}
