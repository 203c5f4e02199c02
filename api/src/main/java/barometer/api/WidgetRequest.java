package barometer.api;

import barometer.indexer.InvalidQueryException;
import java.util.Locale;

/**
 * The query parameters every widget shares, checked once: what to draw (a search query's trend, a poll topic's
 * average, or both on one axis), the measure, the range and interval, size and theme, and an optional title.
 *
 * @param kind what is drawn
 * @param measure the trend's measure; other kinds read none (an overview's links carry {@code measure=overview},
 *        the explorer's name for it), so for them it is not parsed and stays {@code ARTICLES}
 * @param theme the theme asked for, or null: the reader's own (iframe) or light (images)
 */
record WidgetRequest(WidgetKind kind, String q, WidgetSeries.Measure measure, String from, String to, String interval, String topic,
        String answer, WidgetImage.Theme theme, int width, int height, String title) {

    static final int MIN_WIDTH = 200, MAX_WIDTH = 1600, MIN_HEIGHT = 120, MAX_HEIGHT = 1000;

    static WidgetRequest of(WidgetKind kind, String q, String measure, String from, String to, String interval,
            String topic, String answer, String theme, String width, String height, String title) {
        return new WidgetRequest(kind, q == null ? "" : q.strip(),
                kind == WidgetKind.TREND ? WidgetSeries.measure(measure) : WidgetSeries.Measure.ARTICLES, blank(from),
                blank(to),
                interval == null || interval.isBlank() ? "month" : interval.strip(), topic == null ? "" : topic.strip(),
                answer == null || answer.isBlank() ? "support" : answer.strip(), theme(theme),
                size("width", width, 600, MIN_WIDTH, MAX_WIDTH), size("height", height, 320, MIN_HEIGHT, MAX_HEIGHT),
                title == null ? "" : title.strip());
    }

    /**
     * What decides the picture, and nothing else: parameters the widget does not read (and junk ones) do not make
     * a second cache entry.
     */
    String cacheKey(String format) {
        return format + "|" + kind.path() + "|" + kind.what(this) + "|" + imageTheme() + "|" + width + "x" + height
                + "|" + title;
    }

    /** What decides the chart in words: neither size nor theme. */
    String altTextKey() {
        return "alt|" + kind.path() + "|" + kind.what(this) + "|" + title;
    }

    /** The theme an image is drawn in: the one asked for, else light (an image cannot follow the reader's). */
    WidgetImage.Theme imageTheme() {
        return theme == null ? WidgetImage.Theme.LIGHT : theme;
    }

    /** The theme of the iframe page: the one asked for, else {@code auto} (the reader's prefers-color-scheme). */
    String pageTheme() {
        return theme == null ? "auto" : theme.name().toLowerCase(Locale.ROOT);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static WidgetImage.Theme theme(String value) {
        if (value == null || value.isBlank() || value.strip().equalsIgnoreCase("auto")) {
            return null;
        }
        try {
            return WidgetImage.Theme.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryException("unknown theme '" + value + "'", "use light, dark or auto (the reader's setting; images: light)");
        }
    }

    private static int size(String name, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidQueryException(name + " must be a whole number of pixels from " + min + " to " + max,
                name + "=" + fallback);
    }
}
