package barometer.indexer.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import barometer.indexer.sentiment.MentionTone;
import barometer.indexer.sentiment.ToneClass;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.TermFrequencyAttribute;
import org.junit.jupiter.api.Test;

class MentionTonesTest {
    private final Analyzer analyzer = new EnglishAnalyzer();

    private static Map<String, Integer> terms(TokenStream stream) throws IOException {
        Map<String, Integer> out = new LinkedHashMap<>();
        try (stream) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            TermFrequencyAttribute frequency = stream.addAttribute(TermFrequencyAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                out.put(term.toString(), frequency.getTermFrequency());
            }
            stream.end();
        }
        return out;
    }

    @Test
    void eachWordInAPhraseIsATermOnceWithItsPhrasesToneBytesAsFrequency() throws IOException {
        // "Governor Hale" (positive, phrase 0) and "Hale" (negative, phrase 1): "hale" holds both bytes.
        String text = "Governor Hale praised Hale.";
        List<MentionTone> mentions = List.of(new MentionTone(0, 13, ToneClass.POSITIVE),
                new MentionTone(22, 26, ToneClass.NEGATIVE));

        Map<String, Integer> terms = terms(MentionTones.mentionTerms(text, mentions, analyzer));

        int governor = ToneClass.POSITIVE.ordinal() + 1;
        int second = (ToneClass.NEGATIVE.ordinal() + 1) | 1 << 2;
        assertEquals(Map.of("governor", governor, "hale", governor | second << 8), terms);
    }

    @Test
    void aWordInThreePhrasesMarksTheSentenceForThePayloadsInstead() throws IOException {
        String text = "Hale met Hale and Hale.";
        List<MentionTone> mentions = List.of(new MentionTone(0, 4, ToneClass.POSITIVE),
                new MentionTone(9, 13, ToneClass.NEGATIVE), new MentionTone(18, 22, ToneClass.NEUTRAL));

        assertEquals(Map.of(MentionTones.SEE_POSITIONS, 1), terms(MentionTones.mentionTerms(text, mentions, analyzer)));
    }

    @Test
    void aSentenceWithoutPhrasesHasNoTerms() throws IOException {
        assertEquals(Map.of(), terms(MentionTones.mentionTerms("Nothing named here.", List.of(), analyzer)));
    }

    @Test
    void decodingCountsAPhraseReachedThroughTwoWordsOnce() {
        int governorHale = ToneClass.POSITIVE.ordinal() + 1;
        int other = (ToneClass.NEGATIVE.ordinal() + 1) | 1 << 2;
        ToneClass[] out = new ToneClass[64];
        long[] seen = new long[1];

        int n = MentionTones.codes(governorHale, out, 0, seen); // "governor"
        n = MentionTones.codes(governorHale | other << 8, out, n, seen); // "hale"

        assertEquals(List.of(ToneClass.POSITIVE, ToneClass.NEGATIVE), Arrays.asList(out).subList(0, n));
        assertEquals(0b11, seen[0]);
    }
}
