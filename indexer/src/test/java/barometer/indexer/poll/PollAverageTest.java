package barometer.indexer.poll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import barometer.crawler.poll.Poll;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PollAverageTest {

    private static Poll poll(String pollster, LocalDate day, int n, double approve) {
        return new Poll(pollster, List.of(), day, day, null, n, null, null, null, null, "t", null,
                Map.of("approve", approve), List.of(), List.of(), true, false, "");
    }

    @Test
    void smoothsTwoPollsAsComputedByHand() {
        // Sampling variances are exactly 1 (50% of 2,500 and 60% of 2,400, design effect 1), drift 1, no extra error:
        // filter day 0 -> 50 (var 100/101); day 1 -> 56.6556 (var 0.66556); smoothing pulls day 0 to 53.3113.
        PollAverageSettings settings = new PollAverageSettings(1, 0, 1, false, 3, false, 0.95, 30);
        LocalDate d0 = LocalDate.of(2020, 1, 1);
        PollSeries s = new PollAverage(settings).compute(
                List.of(poll("A", d0, 2500, 50), poll("B", d0.plusDays(1), 2400, 60)), "approve");
        assertEquals(2, s.points().size());
        PollAveragePoint first = s.points().get(0), second = s.points().get(1);
        assertEquals(d0, first.date());
        assertEquals(53.31126, first.estimate(), 1e-4);
        assertEquals(56.65563, second.estimate(), 1e-4);
        assertEquals(51.71626, first.low(), 1e-4);
        assertEquals(58.25461, second.high(), 1e-4);
        assertEquals(1, first.polls());
        assertEquals(2, second.polls());
    }

    @Test
    void givesBothBandsOfTwoPollsAsComputedByHand() {
        // Day 1 of the smoothed line: mean 56.65563, variance 0.66556. A new poll of the median size (2,450) at
        // that share has sampling variance 1e4 * 0.5665563 * 0.4334437 / 2450 = 1.002328; no house effects, no
        // non-sampling error: sd = sqrt(0.66556 + 1.002328) = 1.291467; fewer than 50 past errors, so the
        // normal 90% quantile 1.644854: 56.65563 -/+ 2.124271.
        PollAverageSettings settings = new PollAverageSettings(1, 0, 1, false, 3, false, 0.95, 30);
        LocalDate d0 = LocalDate.of(2020, 1, 1);
        PollSeries s = new PollAverage(settings).compute(
                List.of(poll("A", d0, 2500, 50), poll("B", d0.plusDays(1), 2400, 60)), "approve");
        PollAveragePoint second = s.points().get(1);
        assertEquals(55.05665, second.low(), 1e-4);
        assertEquals(54.53136, second.nextLow(), 1e-4);
        assertEquals(58.77990, second.nextHigh(), 1e-4);

        // The realtime replay scores B against day 0's filtered line carried to day 1: mean 50, variance
        // 100/101 + 1 = 1.990099, plus B's own sampling variance 1e4 * 0.25 / 2400 = 1.041667: sd 1.741197.
        PollForecast b = s.forecasts().get(0);
        assertEquals(1, s.forecasts().size());
        assertEquals("B", b.pollster());
        assertEquals(d0.plusDays(1), b.released());
        assertEquals(50.0, b.average(), 1e-9);
        assertEquals(1.741197, b.sd(), 1e-6);
        assertEquals(1.644854 * 1.741197, b.halfWidths().get(2), 1e-5);
    }

    @Test
    void realtimeValuesNeverChangeWhenALaterPollArrives() {
        // Four pollsters with house effects, polls released four days after fieldwork, some without a sample
        // size; then one more poll whose fieldwork lies in the middle but which is released only on day 70.
        List<Poll> polls = new ArrayList<>();
        LocalDate d0 = LocalDate.of(2020, 1, 1);
        String[] houses = {"North", "South", "East", "West"};
        for (int i = 0; i < 80; i++) {
            String house = houses[i % 4];
            double share = 45 + (i % 4) * 1.5 + (i % 7 - 3) * 0.4 + i * 0.03;
            polls.add(released(house, d0.plusDays(i), d0.plusDays(i + 4), i % 5 == 0 ? null : 800 + 10 * i, share));
        }
        PollAverage realtime = new PollAverage(PollAverageSettings.DEFAULTS.withRealtime(true));
        PollSeries before = realtime.compute(polls, "approve");
        List<Poll> more = new ArrayList<>(polls);
        LocalDate lateRelease = d0.plusDays(70);
        more.add(released("Newcomer", d0.plusDays(30), lateRelease, null, 60));
        PollSeries after = realtime.compute(more, "approve");

        int compared = 0;
        for (int i = 0; i < before.points().size(); i++) {
            PollAveragePoint b = before.points().get(i), a = after.points().get(i);
            assertEquals(b.date(), a.date());
            if (a.date().isBefore(lateRelease)) {
                assertEquals(b, a, "day " + a.date());
                compared++;
            }
        }
        assertEquals(66, compared);
        assertTrue(after.points().get(70).estimate() != before.points().get(70).estimate());
        // The smoothed history does move earlier days: the property is the realtime line's, not an accident.
        PollAverage smoothed = new PollAverage(PollAverageSettings.DEFAULTS);
        assertTrue(smoothed.compute(more, "approve").points().get(30).estimate()
                != smoothed.compute(polls, "approve").points().get(30).estimate());
    }

    private static Poll released(String pollster, LocalDate day, LocalDate released, Integer n, double approve) {
        return new Poll(pollster, List.of(), day, day, released, n, null, null, null, null, "t", null,
                Map.of("approve", approve), List.of(), List.of(), true, false, "");
    }

    @Test
    void removesAPollstersHouseEffect() {
        List<Poll> polls = new ArrayList<>();
        LocalDate d0 = LocalDate.of(2020, 1, 1);
        for (int i = 0; i < 60; i++) {
            polls.add(poll("Level", d0.plusDays(i), 1000, 40));
            polls.add(poll("Other", d0.plusDays(i), 1000, 40));
            if (i % 2 == 0) {
                polls.add(poll("High", d0.plusDays(i), 1000, 46));
            }
        }
        PollSeries s = new PollAverage(PollAverageSettings.DEFAULTS).compute(polls, "approve");
        assertEquals(6.0, s.houseEffects().get("High"), 0.5);
        assertEquals(0.0, s.houseEffects().get("Level"), 0.01);
        PollAveragePoint middle = s.points().get(30);
        assertEquals(40.0, middle.estimate(), 0.3);
        assertTrue(middle.low() < 40 && middle.high() > 40);
    }

    @Test
    void skipsUnconfirmedPollsAndPollsWithoutTheAnswer() {
        LocalDate d0 = LocalDate.of(2020, 1, 1);
        Poll unconfirmed = new Poll("X", List.of(), d0, d0, null, 1000, null, null, null, null, "t", null,
                Map.of("approve", 90.0), List.of(), List.of(), false, false, "");
        Poll other = new Poll("Y", List.of(), d0, d0, null, 1000, null, null, null, null, "t", null,
                Map.of("support", 10.0), List.of(), List.of(), true, false, "");
        PollSeries s = new PollAverage(PollAverageSettings.DEFAULTS)
                .compute(List.of(poll("A", d0, 1000, 40), unconfirmed, other), "approve");
        assertEquals(1, s.pollsUsed());
        assertEquals(2, s.pollsSkipped());
        assertEquals(40.0, s.points().get(0).estimate(), 1e-9);
    }
}
