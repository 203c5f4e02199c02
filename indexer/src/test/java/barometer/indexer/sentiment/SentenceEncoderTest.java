package barometer.indexer.sentiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real MiniLM model under the real ONNX Runtime, on short fixed sentences. */
class SentenceEncoderTest {
    private static SentenceEncoder encoder;

    @BeforeAll
    static void load() {
        encoder = new SentenceEncoder(1);
    }

    @AfterAll
    static void close() {
        encoder.close();
    }

    @Test
    void givesEveryWordPieceAVectorAndTheCharactersItCovers() {
        EncodedSentence s = encoder.encode(List.of("The governor slammed the plan.")).get(0);
        // [CLS] the governor slammed the plan . [SEP]
        assertArrayEquals(new int[] {-1, 0, 4, 13, 21, 25, 29, -1}, s.begin());
        assertArrayEquals(new int[] {-1, 3, 12, 20, 24, 29, 30, -1}, s.end());
        assertEquals(SentenceEncoder.DIMENSIONS, s.vectors()[1].length);
    }

    @Test
    void aMentionReadsOnlyItsOwnPiecesInContext() {
        List<EncodedSentence> two = encoder.encode(List.of("The governor slammed the plan.",
                "Voters cheered the governor on Friday evening."));
        float[] first = two.get(0).over(4, 12), second = two.get(1).over(19, 27);
        // "governor" in two sentences: context changes its vector; the whole sentence's mean differs again.
        assertNotEquals(first[0], second[0]);
        assertNotEquals(two.get(0).mean()[0], first[0]);
        assertArrayEquals(two.get(0).vectors()[2], first);
    }

    @Test
    void aSentenceReadsTheSameWhateverItIsEncodedWith() {
        float[] alone = encoder.encode("Calexit supporters rallied.").mean();
        float[] withLonger = encoder.encode(List.of("Calexit supporters rallied.",
                "A much longer sentence that a batch would pad the first one to, with many empty pieces.")).get(0).mean();
        assertArrayEquals(alone, withLonger);
    }
}
