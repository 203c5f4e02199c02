package barometer.api.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import barometer.indexer.trend.TrendPoint;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The alert rules on fixed weekly series: what fires, what does not, and the baseline each one reads. */
class AlertRuleTest {
    private static final LocalDate FIRST = LocalDate.of(2026, 9, 7);

    /** Weeks with these article counts, out of {@code all} articles each; no tone. */
    private static List<TrendPoint> counts(long all, long... articles) {
        List<TrendPoint> points = new ArrayList<>();
        for (int i = 0; i < articles.length; i++) {
            double share = (double) articles[i] / all;
            points.add(new TrendPoint(FIRST.plusWeeks(i), articles[i], articles[i], all, all, share, null, null, null,
                    0, 0, null, null, null, true, 0));
        }
        return points;
    }

    /** Weeks with these net tones, each with a ±{@code half} interval from 20 articles. */
    private static List<TrendPoint> tones(double half, double... tone) {
        List<TrendPoint> points = new ArrayList<>();
        for (int i = 0; i < tone.length; i++) {
            points.add(new TrendPoint(FIRST.plusWeeks(i), 20, 20, 400, 400, 0.05, null, null, null, 60, 20, tone[i],
                    tone[i] - half, tone[i] + half, false, 0));
        }
        return points;
    }

    @Test
    void aWeekFarAboveTheEightBeforeItIsAVolumeSpike() {
        // Baseline 4,5,6,5,4,6,5,5: median 5, MAD 0.5 (spread 0.74), so the Poisson floor √5 = 2.24 sets the
        // threshold: 5 + 3 × 2.236 = 11.71.
        var finding = AlertRule.VOLUME.check(counts(200, 4, 5, 6, 5, 4, 6, 5, 5, 12)).orElseThrow();
        assertEquals(12.0, finding.value());
        assertEquals(5.0, finding.baseline());
        assertEquals(11.708, finding.threshold(), 0.001);
        assertEquals("12 matching articles in the period from 2026-11-02, above its usual range (median 5.0 of the 8 "
                + "periods before; alerts above 11.7)", finding.message());
        assertTrue(AlertRule.VOLUME.check(counts(200, 4, 5, 6, 5, 4, 6, 5, 5, 11)).isEmpty(), "11 is within range");
    }

    @Test
    void oneOutlierInTheBaselineDoesNotHideTheNextSpike() {
        // A mean and standard deviation would read the 40 as the usual range; the median and MAD do not.
        assertTrue(AlertRule.VOLUME.check(counts(200, 5, 5, 40, 5, 6, 4, 5, 5, 14)).isPresent());
    }

    @Test
    void aSpikeOfTooFewArticlesOrWithoutABaselineDoesNotAlert() {
        assertTrue(AlertRule.VOLUME.check(counts(200, 0, 0, 0, 0, 0, 0, 0, 0, 2)).isEmpty(), "2 articles are too few");
        assertEquals(3.0, AlertRule.VOLUME.check(counts(200, 0, 0, 0, 0, 0, 0, 0, 0, 4)).orElseThrow().threshold());
        assertTrue(AlertRule.VOLUME.check(counts(200, 5, 5, 5, 30)).isEmpty(), "three weeks are no baseline");
    }

    @Test
    void aShareAboveItsRangeAlertsWhereTheCountAloneWouldNot() {
        // A steady share does not alert; then it triples.
        assertTrue(AlertRule.SHARE.check(counts(100, 5, 5, 5, 5, 5, 5, 5, 5, 5)).isEmpty());
        var finding = AlertRule.SHARE.check(counts(100, 5, 4, 6, 5, 5, 4, 6, 5, 15)).orElseThrow();
        assertEquals(0.05, finding.baseline(), 1e-12);
        // Binomial noise √(0.05 × 0.95 / 100) = 0.0218 beats the MAD spread 0.0074: 0.05 + 3 × 0.0218.
        assertEquals(0.1154, finding.threshold(), 0.0001);
    }

    @Test
    void aToneShiftNeedsItsSizeAndAnIntervalThatExcludesTheBaseline() {
        var finding = AlertRule.TONE.check(tones(0.15, 0.1, 0.0, 0.1, 0.05, 0.1, 0.0, 0.05, 0.1, -0.4)).orElseThrow();
        assertEquals(0.075, finding.baseline(), 1e-12);
        assertEquals("net tone -0.40 in the period from 2026-11-02, a shift from its median +0.08 of the 8 periods "
                + "before (95% interval -0.55 to -0.25)", finding.message());
        assertTrue(AlertRule.TONE.check(tones(0.6, 0.1, 0.0, 0.1, 0.05, 0.1, 0.0, 0.05, 0.1, -0.4)).isEmpty(),
                "its interval reaches the baseline");
        assertTrue(AlertRule.TONE.check(tones(0.05, 0.1, 0.0, 0.1, 0.05, 0.1, 0.0, 0.05, 0.1, -0.1)).isEmpty(),
                "a shift of 0.175 is under 0.3");
    }
}
