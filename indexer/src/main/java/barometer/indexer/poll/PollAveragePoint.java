package barometer.indexer.poll;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.LocalDate;

/**
 * One day of a poll average.
 *
 * @param date the day
 * @param estimate the average, in percent
 * @param low lower end of the band
 * @param high upper end of the band
 * @param polls polls whose fieldwork midpoint falls in the trailing window ending that day
 */
@JsonPropertyOrder({"date", "estimate", "low", "high", "polls"})
public record PollAveragePoint(LocalDate date, double estimate, double low, double high, int polls) {
}
