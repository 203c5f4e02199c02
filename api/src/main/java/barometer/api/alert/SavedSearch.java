package barometer.api.alert;

import java.time.Instant;

/**
 * A query to watch, with the rule that alerts on it.
 *
 * @param id stable id (its Atom feed is {@code /api/alerts/{id}.atom})
 * @param name what the user calls it
 * @param q the coverage query (volume, share, tone rules)
 * @param topic the poll topic (new-poll rule)
 * @param rule when it alerts
 * @param interval the buckets compared: day, week or month
 * @param webhook where each alert is also posted as JSON, or null
 * @param created when it was saved
 */
public record SavedSearch(String id, String name, String q, String topic, AlertRule rule, String interval,
        String webhook, Instant created) {
}
