package barometer.api.alert;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One alert of a saved search.
 *
 * @param key what it is about, once: the rule and the bucket ({@code volume|2026-11-30}) or the poll
 *        ({@code poll|...}); a key alerts at most once
 * @param search the saved search's id
 * @param rule the rule that fired
 * @param period the bucket's first day, or the poll's last fieldwork day
 * @param value the bucket's value (count, share 0..1, net tone), or null for a poll
 * @param baseline the baseline's median (null for polls)
 * @param message the alert in words
 * @param link the page that shows it
 * @param detected when it was found
 */
public record Alert(String key, String search, AlertRule rule, LocalDate period, Double value, Double baseline,
        String message, String link, Instant detected) {
}
