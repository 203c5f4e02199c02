package barometer.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The words a widget carries for those who cannot see it, from fixed series. */
class WidgetAltTextTest {
    private static final List<LocalDate> MONTHS = List.of(LocalDate.of(2017, 3, 1), LocalDate.of(2017, 4, 1),
            LocalDate.of(2017, 5, 1), LocalDate.of(2017, 6, 1));

    private static List<Double> of(Double... v) {
        return Arrays.asList(v);
    }

    @Test
    void aShareSaysWhereItStartedEndedPeakedAndItsBandAtTheEnd() {
        WidgetSeries s = new WidgetSeries("“secession”: share of coverage", "Share of coverage (%)", false, MONTHS,
                of(0.8, 1.2, 2.4, 2.1), of(null, null, null, 1.5), of(null, null, null, 2.7), of(null, null, null, null),
                of(null, null, null, null), "band: 95% interval (Wilson)", "Share of coverage (%)");
        assertEquals("“secession”: share of coverage: rose from 0.8% (2017-03-01) to 2.1% (2017-06-01); highest 2.4% "
                + "(2017-05-01); band at the end 1.5% to 2.7% (band: 95% interval (Wilson)).", s.altText());
    }

    @Test
    void countsAreWholeNumbersAndAFallIsAFall() {
        WidgetSeries s = new WidgetSeries("“calexit”", "Articles", true, MONTHS, of(7.0, null, 3.0, 2.0),
                of(null, null, null, null), of(null, null, null, null), of(null, null, null, null),
                of(null, null, null, null), "", "");
        assertEquals("“calexit”, articles: fell from 7 (2017-03-01) to 2 (2017-06-01).", s.altText());
    }

    @Test
    void toneCarriesItsSign() {
        WidgetSeries s = new WidgetSeries("“calexit”: tone", "Net tone toward the query's words (-1 negative – +1 positive)",
                false, MONTHS, of(-0.25, 0.1, null, null), of(null, -0.2, null, null), of(null, 0.4, null, null),
                of(null, null, null, null), of(null, null, null, null), "", "");
        assertEquals("“calexit”: tone: rose from -0.25 (2017-03-01) to +0.10 (2017-04-01); band at the end -0.20 to "
                + "+0.40.", s.altText());
    }

    @Test
    void aSeriesWithoutValuesSaysSo() {
        WidgetSeries s = new WidgetSeries("“plebiscite”", "Net tone toward the query's words (-1 negative – +1 positive)",
                false, MONTHS, of(null, null, null, null), of(null, null, null, null), of(null, null, null, null),
                of(null, null, null, null), of(null, null, null, null), "", "");
        assertEquals("“plebiscite”, net tone toward the query's words (-1 negative – +1 positive): no data from "
                + "2017-03-01 to 2017-06-01.", s.altText());
    }

    @Test
    void severalSeriesOnOneChartAreNamedInTurnAfterTheTitle() {
        WidgetSeries support = new WidgetSeries("“secession”: support, attention and tone", "Support (%), poll average",
                false, MONTHS, of(31.0, 29.5, 27.0, 26.0), of(null, null, null, 22.0), of(null, null, null, 30.0),
                of(null, null, null, null), of(null, null, null, null), "95% interval of the average", "Support (%)");
        WidgetSeries share = new WidgetSeries("“secession”: support, attention and tone", "Share of coverage (%)",
                false, MONTHS, of(1.0, 2.0, 1.5, null), of(null, null, null, null), of(null, null, null, null),
                of(null, null, null, null), of(null, null, null, null), "", "Share of coverage (%)");
        assertEquals("“secession”: support, attention and tone. Support (%), poll average: fell from 31.0% (2017-03-01) "
                + "to 26.0% (2017-06-01); band at the end 22.0% to 30.0% (95% interval of the average). Share of "
                + "coverage (%): rose from 1.0% (2017-03-01) to 1.5% (2017-05-01); highest 2.0% (2017-04-01).",
                WidgetSeries.altText(List.of(support, share)));
    }
}
