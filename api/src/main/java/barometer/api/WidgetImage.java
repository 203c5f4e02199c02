package barometer.api;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.DateTickUnit;
import org.jfree.chart.axis.DateTickUnitType;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.jfree.data.xy.XYBarDataset;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * Draws a {@link WidgetSeries} as a PNG or an SVG with JFreeChart: title, latest value and date range drawn in,
 * so that the image says what it shows where no script runs (email). Text is drawn as text; the SVG writer
 * escapes it, so no title or query can inject markup.
 */
final class WidgetImage {
    /** Light or dark colours. */
    enum Theme {
        LIGHT(Color.WHITE, new Color(0x1c2430), new Color(0x5b6675), new Color(0xd9dee5), new Color(0x1f5fa8),
                new Color(0xc2410c), new Color(0x15803d)),
        DARK(new Color(0x161b22), new Color(0xe6edf3), new Color(0x9aa5b1), new Color(0x30363d), new Color(0x6cb6ff),
                new Color(0xfb923c), new Color(0x4ade80));

        final Color background, ink, muted, grid, accent;
        /** The colours of the second and later series on one chart (the first is the accent). */
        final Color[] others;

        Theme(Color background, Color ink, Color muted, Color grid, Color accent, Color... others) {
            this.background = background;
            this.ink = ink;
            this.muted = muted;
            this.grid = grid;
            this.accent = accent;
            this.others = others;
        }

        Color series(int i) {
            return i == 0 ? accent : others[(i - 1) % others.length];
        }
    }

    private WidgetImage() {
    }

    static byte[] png(List<WidgetSeries> series, int width, int height, Theme theme) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ChartUtils.writeChartAsPNG(out, chart(series, theme, width), width, height);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the PNG", e);
        }
    }

    static byte[] svg(List<WidgetSeries> series, int width, int height, Theme theme) {
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        chart(series, theme, width).draw(g2, new Rectangle(0, 0, width, height));
        // The bare element, without the DOCTYPE that would make XML readers fetch a DTD from w3.org; the chart in
        // words as its accessible name (role, aria-label) and as its title and description elements.
        String alt = HtmlPage.escape(WidgetSeries.altText(series));
        String svg = g2.getSVGElement();
        int open = svg.indexOf('>') + 1;
        svg = svg.substring(0, open).replaceFirst("^<svg ", "<svg role=\"img\" aria-label=\"" +
                java.util.regex.Matcher.quoteReplacement(alt) + "\" ") + "<title>" + alt + "</title><desc>" + alt + "</desc>"
                + svg.substring(open);
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg).getBytes(StandardCharsets.UTF_8);
    }

    private static JFreeChart chart(List<WidgetSeries> all, Theme theme, int width) {
        int base = width < 400 ? 11 : 13;
        WidgetSeries series = all.get(0);
        XYPlot plot = all.size() > 1 ? sharedPlot(all, theme, base) : series.bars() ? barPlot(series, theme)
                : linePlot(series, theme);
        plot.setBackgroundPaint(theme.background);
        plot.setOutlineVisible(false);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinePaint(theme.grid);
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        List<org.jfree.chart.axis.ValueAxis> axes = new ArrayList<>(List.of(plot.getDomainAxis()));
        for (int i = 0; i < plot.getRangeAxisCount(); i++) {
            axes.add(plot.getRangeAxis(i));
        }
        for (var axis : axes) {
            axis.setTickLabelPaint(theme.muted);
            axis.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, base - 1));
            axis.setAxisLinePaint(theme.grid);
            axis.setTickMarkPaint(theme.grid);
        }
        if (all.size() == 1) {
            ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(series.bars());
        }
        JFreeChart chart = new JFreeChart(series.title(), new Font(Font.SANS_SERIF, Font.BOLD, base + 3), plot,
                all.size() > 1);
        chart.getTitle().setPaint(theme.ink);
        chart.getTitle().setHorizontalAlignment(org.jfree.chart.ui.HorizontalAlignment.LEFT);
        if (chart.getLegend() != null) {
            chart.getLegend().setItemPaint(theme.ink);
            chart.getLegend().setBackgroundPaint(theme.background);
            chart.getLegend().setFrame(org.jfree.chart.block.BlockBorder.NONE);
            chart.getLegend().setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, base - 1));
        }
        TextTitle facts = new TextTitle(all.size() > 1 ? latestOfEach(all) : series.latest() + "  ·  " + series.measure(),
                new Font(Font.SANS_SERIF, Font.PLAIN, base));
        facts.setPaint(theme.ink);
        facts.setHorizontalAlignment(org.jfree.chart.ui.HorizontalAlignment.LEFT);
        chart.addSubtitle(facts);
        String bandsText = all.size() > 1 ? "bands: " + String.join("; ", all.stream().map(WidgetSeries::bands).toList())
                : series.bands();
        if (!bandsText.isEmpty()) {
            // Each band says what it is where the chart is seen, not only in the README.
            TextTitle bands = new TextTitle(bandsText, new Font(Font.SANS_SERIF, Font.PLAIN, base - 2));
            bands.setPaint(theme.muted);
            bands.setHorizontalAlignment(org.jfree.chart.ui.HorizontalAlignment.LEFT);
            chart.addSubtitle(bands);
        }
        TextTitle range = new TextTitle(series.range() + "  ·  Barometer", new Font(Font.SANS_SERIF, Font.PLAIN, base - 2));
        range.setPaint(theme.muted);
        range.setPosition(RectangleEdge.BOTTOM);
        range.setHorizontalAlignment(org.jfree.chart.ui.HorizontalAlignment.RIGHT);
        chart.addSubtitle(range);
        chart.setBackgroundPaint(theme.background);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        return chart;
    }

    /** "Latest (2019-01-01): support 22.5% · share of coverage 71.4% · net tone +0.50": each series' last value. */
    private static String latestOfEach(List<WidgetSeries> all) {
        List<String> parts = new ArrayList<>();
        java.time.LocalDate day = null;
        for (WidgetSeries s : all) {
            int last = s.values().size() - 1;
            while (last >= 0 && s.values().get(last) == null) {
                last--;
            }
            String name = s.axis().replaceAll(" \\(.*\\)$", "").toLowerCase(java.util.Locale.ROOT);
            parts.add(name + " " + (last < 0 ? "none" : s.format(s.values().get(last))));
            if (last >= 0 && (day == null || s.dates().get(last).isAfter(day))) {
                day = s.dates().get(last);
            }
        }
        return "Latest" + (day == null ? "" : " (" + day + ")") + ": " + String.join("  ·  ", parts);
    }

    /**
     * Several measures over one date axis, each a line with its band on its own value axis (the first on the
     * left, the others on the right), labelled with its unit: units differ, and even two percentages (support near
     * 30%, share of coverage near 1%) would flatten one another on one axis.
     */
    private static XYPlot sharedPlot(List<WidgetSeries> all, Theme theme, int base) {
        XYPlot plot = new XYPlot();
        plot.setDomainAxis(dateAxis(all.get(0)));
        for (int i = 0; i < all.size(); i++) {
            WidgetSeries s = all.get(i);
            YIntervalSeries line = band(s, s.axis());
            Color color = theme.series(i);
            NumberAxis y = new NumberAxis(s.axis());
            y.setAutoRangeIncludesZero(false);
            y.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, base - 1));
            y.setLabelPaint(color);
            plot.setDataset(i, collection(line));
            plot.setRenderer(i, lineRenderer(color, 0.14f, line.getItemCount() < 40));
            plot.setRangeAxis(i, y);
            plot.setRangeAxisLocation(i, i == 0 ? org.jfree.chart.axis.AxisLocation.BOTTOM_OR_LEFT
                    : org.jfree.chart.axis.AxisLocation.BOTTOM_OR_RIGHT);
            plot.mapDatasetToRangeAxis(i, i);
        }
        return plot;
    }

    private static XYPlot barPlot(WidgetSeries series, Theme theme) {
        TimeSeries counts = new TimeSeries(series.measure());
        for (int i = 0; i < series.dates().size(); i++) {
            Double v = series.values().get(i);
            counts.addOrUpdate(day(series.dates().get(i)), v == null ? 0 : v);
        }
        XYBarRenderer bars = new XYBarRenderer(0.0);
        bars.setBarPainter(new StandardXYBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, theme.accent);
        NumberAxis y = new NumberAxis();
        y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        // Bars as wide as most of the gap between buckets, whatever the interval (day to year).
        double width = 0.7 * gapMillis(series);
        return new XYPlot(new XYBarDataset(new TimeSeriesCollection(counts), width), dateAxis(series), y, bars);
    }

    private static XYPlot linePlot(WidgetSeries series, Theme theme) {
        YIntervalSeries line = band(series, series.measure());
        NumberAxis y = new NumberAxis();
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(collection(line), dateAxis(series), y,
                lineRenderer(theme.accent, 0.18f, line.getItemCount() < 40));
        YIntervalSeries outer = new YIntervalSeries("outer");
        for (int i = 0; i < series.dates().size(); i++) {
            Double v = series.values().get(i), lo = series.outerLow().get(i), hi = series.outerHigh().get(i);
            if (v != null && lo != null && hi != null) {
                outer.add(day(series.dates().get(i)).getFirstMillisecond(), v, lo, hi);
            }
        }
        if (outer.getItemCount() > 0) {
            // The wider band (where new polls fall) behind the band of the average, fill only.
            DeviationRenderer wide = new DeviationRenderer(false, false);
            wide.setSeriesFillPaint(0, theme.accent);
            wide.setSeriesPaint(0, theme.accent);
            wide.setAlpha(0.08f);
            plot.setDataset(1, collection(outer));
            plot.setRenderer(1, wide);
        }
        return plot;
    }

    /** A series' values with their band (a point without a band is its own band), skipping missing values. */
    private static YIntervalSeries band(WidgetSeries s, String name) {
        YIntervalSeries line = new YIntervalSeries(name);
        for (int j = 0; j < s.dates().size(); j++) {
            Double v = s.values().get(j);
            if (v != null) {
                Double lo = s.low().get(j), hi = s.high().get(j);
                line.add(day(s.dates().get(j)).getFirstMillisecond(), v, lo == null ? v : lo, hi == null ? v : hi);
            }
        }
        return line;
    }

    private static YIntervalSeriesCollection collection(YIntervalSeries series) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        data.addSeries(series);
        return data;
    }

    /** A 2-pixel line in {@code color} over its band filled at {@code alpha}, with its points when few. */
    private static DeviationRenderer lineRenderer(Color color, float alpha, boolean points) {
        DeviationRenderer renderer = new DeviationRenderer(true, points);
        renderer.setSeriesPaint(0, color);
        renderer.setSeriesFillPaint(0, color);
        renderer.setAlpha(alpha);
        renderer.setSeriesStroke(0, new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        return renderer;
    }

    private static double gapMillis(WidgetSeries series) {
        long gap = Long.MAX_VALUE;
        for (int i = 1; i < series.dates().size(); i++) {
            gap = Math.min(gap, series.dates().get(i).toEpochDay() - series.dates().get(i - 1).toEpochDay());
        }
        return (gap == Long.MAX_VALUE ? 1 : gap) * 86_400_000.0;
    }

    /** Years on long ranges, months otherwise, in UTC like the buckets. */
    private static DateAxis dateAxis(WidgetSeries series) {
        DateAxis axis = new DateAxis();
        axis.setTimeZone(java.util.TimeZone.getTimeZone("UTC"));
        long span = series.dates().isEmpty() ? 0
                : series.dates().get(series.dates().size() - 1).toEpochDay() - series.dates().get(0).toEpochDay();
        String pattern = span > 730 ? "yyyy" : span > 120 ? "MMM yyyy" : "d MMM";
        java.text.SimpleDateFormat format = new java.text.SimpleDateFormat(pattern, java.util.Locale.ENGLISH);
        format.setTimeZone(java.util.TimeZone.getTimeZone("UTC"));
        if (span > 730) {
            axis.setTickUnit(new DateTickUnit(DateTickUnitType.YEAR, 1, format));
        } else if (span > 120) {
            axis.setTickUnit(new DateTickUnit(DateTickUnitType.MONTH, (int) Math.max(1, span / 30 / 5), format));
        } else {
            axis.setDateFormatOverride(format);
        }
        return axis;
    }

    private static Day day(LocalDate date) {
        return new Day(Date.from(date.atStartOfDay(ZoneOffset.UTC).toInstant()), java.util.TimeZone.getTimeZone("UTC"),
                java.util.Locale.ROOT);
    }
}
