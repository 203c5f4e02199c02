package barometer.indexer.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfusionTest {

    @Test
    void accuracyAndMacroF1MatchAHandComputedMatrix() {
        Confusion c = new Confusion(List.of("negative", "neutral", "positive"));
        // gold negative: 3 right, 1 called neutral; gold neutral: 2 right; gold positive: 1 right, 1 called negative.
        for (int i = 0; i < 3; i++) {
            c.add(0, 0);
        }
        c.add(0, 1);
        c.add(1, 1);
        c.add(1, 1);
        c.add(2, 2);
        c.add(2, 0);

        assertEquals(8, c.total());
        assertEquals(6.0 / 8, c.accuracy());
        // F1: negative p=3/4 r=3/4 -> 0.75; neutral p=2/3 r=1 -> 0.8; positive p=1 r=1/2 -> 2/3.
        assertEquals((0.75 + 0.8 + 2.0 / 3) / 3, c.macroF1(), 1e-12);
    }

    @Test
    void aClassNeverPredictedScoresZero() {
        Confusion c = new Confusion(List.of("a", "b"));
        c.add(0, 0);
        c.add(1, 0);

        assertEquals(0.5, c.accuracy());
        assertEquals((2.0 / 3 + 0) / 2, c.macroF1(), 1e-12);
    }
}
