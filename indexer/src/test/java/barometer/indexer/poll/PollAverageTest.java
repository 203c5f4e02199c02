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
