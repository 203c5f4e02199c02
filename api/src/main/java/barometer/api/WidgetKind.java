package barometer.api;

import barometer.indexer.InvalidQueryException;
import barometer.indexer.NewsIndex;
import barometer.indexer.PollFilter;
import barometer.indexer.ToneScope;
import barometer.indexer.TrendQuery;
import barometer.indexer.poll.PollAverage;
import barometer.indexer.poll.PollAverageSettings;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * What a widget shows: one query's trend in one measure, a poll topic's average, or the overview of a topic
 * (support, attention and tone on one time axis). Each kind knows its series, its title and the full page it
 * links to; the image, the iframe and oEmbed all go through it.
 */
enum WidgetKind {
    TREND {
        @Override
        List<WidgetSeries> series(NewsIndex index, WidgetRequest r) {
            var trend = index.trend(new TrendQuery(r.q(), QueryParams.date("from", r.from()),
                    QueryParams.date("to", r.to()), QueryParams.interval(r.interval()), ZoneOffset.UTC,
                    ToneScope.MENTIONS, false, 1));
            return List.of(WidgetSeries.of(trend, r.measure(), title(r)));
        }

        @Override
        String defaultTitle(WidgetRequest r) {
            String what = r.q().isEmpty() ? "All coverage" : quoted(r.q());
            return switch (r.measure()) {
                case ARTICLES -> what + ": articles per " + r.interval();
                case SHARE -> what + ": share of coverage";
                case TONE -> what + ": tone";
            };
        }

        @Override
        String what(WidgetRequest r) {
            return r.q() + "|" + r.measure() + "|" + r.from() + "|" + r.to() + "|" + r.interval();
        }

        @Override
        String fullPage() {
            return "/explore";
        }
    },
    POLL {
        @Override
        List<WidgetSeries> series(NewsIndex index, WidgetRequest r) {
            requireTopic(r);
            var polls = index.polls(new PollFilter(r.topic(), null, null, null, null, false));
            return List.of(WidgetSeries.of(new PollAverage(PollAverageSettings.DEFAULTS).compute(polls, r.answer()),
                    title(r)));
        }

        @Override
        String defaultTitle(WidgetRequest r) {
            return (r.topic().isEmpty() ? "Polls" : r.topic()) + ": " + r.answer();
        }

        @Override
        String what(WidgetRequest r) {
            return r.topic() + "|" + r.answer();
        }

        @Override
        String fullPage() {
            return "/polls.html";
        }
    },
    OVERVIEW {
        @Override
        List<WidgetSeries> series(NewsIndex index, WidgetRequest r) {
            requireTopic(r);
            Overview overview = OverviewResource.OverviewRequest.of(r.topic(), r.answer(), r.q(), r.from(), r.to(),
                    r.interval()).compute(index);
            return WidgetSeries.of(overview, title(r));
        }

        @Override
        String defaultTitle(WidgetRequest r) {
            return quoted(r.q().isEmpty() ? r.topic() : r.q()) + ": " + r.answer() + ", attention and tone";
        }

        @Override
        String what(WidgetRequest r) {
            return r.topic() + "|" + r.answer() + "|" + r.q() + "|" + r.from() + "|" + r.to() + "|" + r.interval();
        }

        @Override
        String fullPage() {
            return "/explore";
        }
    };

    /** The series drawn, one per measure. */
    abstract List<WidgetSeries> series(NewsIndex index, WidgetRequest r);

    /** The title drawn when none is asked for. */
    abstract String defaultTitle(WidgetRequest r);

    /** The parameters that decide what this kind draws, as one string (a cache key's part). */
    abstract String what(WidgetRequest r);

    /** The path of the full chart a widget links to. */
    abstract String fullPage();

    /** The title drawn: the one asked for (at most 120 characters), else {@link #defaultTitle}. */
    final String title(WidgetRequest r) {
        if (!r.title().isEmpty()) {
            return r.title().length() > 120 ? r.title().substring(0, 120) + "…" : r.title();
        }
        return defaultTitle(r);
    }

    /** The name in URLs: {@code /widgets/overview.png}, {@code /embed/poll}. */
    String path() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The full page's URL for a widget's query string (the overview opens the explorer on its measure). */
    String fullPage(String rawQuery) {
        String query = rawQuery == null ? "" : rawQuery;
        if (this == OVERVIEW) {
            query = "measure=overview" + (query.isEmpty() ? "" : "&" + query);
        }
        return fullPage() + (query.isEmpty() ? "" : "?" + query);
    }

    static WidgetKind parse(String value) {
        for (WidgetKind k : values()) {
            if (k.path().equals(value)) {
                return k;
            }
        }
        throw new InvalidQueryException("unknown widget '" + value + "'", "use trend, poll or overview");
    }

    private static void requireTopic(WidgetRequest r) {
        if (r.topic().isEmpty()) {
            throw new InvalidQueryException("topic is required for a poll or overview widget", "e.g. topic=secession");
        }
    }

    private static String quoted(String q) {
        return "“" + (q.length() > 60 ? q.substring(0, 60) + "…" : q) + "”";
    }
}
