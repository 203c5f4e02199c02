package barometer.indexer;

import barometer.indexer.trend.Interval;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A trend: per time bucket, how many articles match a query, what share of all articles that is, and
 * their tone.
 *
 * @param query Lucene query syntax over title and body; blank matches every article
 * @param from first day included, or {@code null} for the first matching article's
 * @param to last day included, or {@code null} for the last matching article's
 * @param interval bucket width
 * @param zone the time zone that decides which day an article falls on
 * @param scope what the tone is computed from: the mentions of the query's words (default), the matching
 *     sentences, or whole articles
 * @param bySource whether to add one series per outlet
 * @param smoothing trailing window, in buckets, over which share and tone are pooled (1: none)
 * @param scale the tone's scale: net tone -1..+1 (default) or the 0..4 class scale
 * @param shareOf what the share of coverage counts: articles (default) or distinct stories
 */
public record TrendQuery(String query, LocalDate from, LocalDate to, Interval interval, ZoneId zone,
                         ToneScope scope, boolean bySource, int smoothing, ToneScale scale, ShareOf shareOf) {
    /** The widest smoothing window. */
    public static final int MAX_SMOOTHING = 365;

    public TrendQuery {
        query = query == null ? "" : query.strip();
        interval = interval == null ? Interval.MONTH : interval;
        zone = zone == null ? ZoneOffset.UTC : zone;
        scope = scope == null ? ToneScope.MENTIONS : scope;
        scale = scale == null ? ToneScale.NET : scale;
        shareOf = shareOf == null ? ShareOf.ARTICLES : shareOf;
        if (scope == ToneScope.MENTIONS && query.isEmpty()) {
            scope = ToneScope.SENTENCES;
        }
        if (smoothing < 1 || smoothing > MAX_SMOOTHING) {
            throw new InvalidQueryException("smoothing must be between 1 and " + MAX_SMOOTHING + " buckets, was "
                    + smoothing, "smooth=1 means none; smooth=7 with interval=day gives a 7-day moving average");
        }
        DateRange.check(from, to);
    }

    /** A trend with net tone and the share of articles. */
    public TrendQuery(String query, LocalDate from, LocalDate to, Interval interval, ZoneId zone, ToneScope scope,
                      boolean bySource, int smoothing) {
        this(query, from, to, interval, zone, scope, bySource, smoothing, ToneScale.NET, ShareOf.ARTICLES);
    }

    /** A plain trend: the tone toward the query's words, no breakdown, no smoothing. */
    public static TrendQuery of(String query, LocalDate from, LocalDate to, Interval interval, ZoneId zone) {
        return new TrendQuery(query, from, to, interval, zone, ToneScope.MENTIONS, false, 1);
    }
}
