package barometer.crawler.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ShingleScoreTest {

    @Test
    void countsSharedFourTokenRunsAsAMultiset() {
        // Reference: 6 tokens -> 3 shingles; prediction: its first 5 tokens plus one extra -> 3 shingles, 2 shared.
        ShingleScore s = ShingleScore.of("one two three four five extra", "one two three four five six");

        assertEquals(2.0 / 3, s.precision(), 1e-12);
        assertEquals(2.0 / 3, s.recall(), 1e-12);
        assertEquals(2.0 / 3, s.f1(), 1e-12);
    }

    @Test
    void twoEmptyTextsAgreeFully() {
        assertEquals(new ShingleScore(1, 1), ShingleScore.of("", "  "));
    }

    @Test
    void punctuationAndSpacingDoNotMatterButWordsDo() {
        assertEquals(new ShingleScore(1, 1), ShingleScore.of("Ein, zwei; drei vier!", "Ein zwei drei vier"));
        assertEquals(new ShingleScore(0, 0), ShingleScore.of("a b c d", "a b c e"));
    }
}
