package barometer.indexer;

import barometer.crawler.poll.Poll;
import barometer.crawler.poll.Population;
import java.time.LocalDate;

/**
 * Which stored polls to list: every criterion is optional ({@code null} or blank = any).
 *
 * @param topic the topic tag
 * @param pollster the pollster, any case
 * @param population who was polled
 * @param from first day (a poll's day is its last fieldwork day, else its release day)
 * @param to last day
 * @param withUnconfirmed whether polls with an ambiguous pollster, share or date are listed too
 */
public record PollFilter(String topic, String pollster, Population population, LocalDate from, LocalDate to,
        boolean withUnconfirmed) {

    /** Every poll, unconfirmed ones included. */
    public static final PollFilter ALL = new PollFilter(null, null, null, null, null, true);

    /** Whether a poll passes. */
    public boolean test(Poll p) {
        LocalDate day = p.date();
        return (withUnconfirmed || p.confirmed())
                && (topic == null || topic.isBlank() || topic.strip().equalsIgnoreCase(p.topic()))
                && (pollster == null || pollster.isBlank()
                    || (p.pollster() != null && p.pollster().equalsIgnoreCase(pollster.strip())))
                && (population == null || population == p.population())
                && (from == null || (day != null && !day.isBefore(from)))
                && (to == null || (day != null && !day.isAfter(to)));
    }
}
