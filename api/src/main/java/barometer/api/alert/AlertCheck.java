package barometer.api.alert;

import barometer.crawler.poll.Poll;
import barometer.indexer.NewsIndex;
import barometer.indexer.PollFilter;
import barometer.indexer.ToneScope;
import barometer.indexer.TrendQuery;
import barometer.indexer.trend.Interval;
import barometer.indexer.trend.TrendPoint;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.logging.Logger;

/**
 * Checks every saved search against the index: the trend rules on the buckets up to today, the new-poll rule on
 * the topic's polls. Run after each crawl and import on a thread of its own ({@link #soon}), so neither waits for
 * it; new alerts are recorded once ({@link AlertStore}) and handed to the {@link WebhookSender}.
 */
public final class AlertCheck implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(AlertCheck.class);

    private final NewsIndex index;
    private final AlertStore store;
    private final WebhookSender webhooks;
    private final Clock clock;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "barometer-alerts");
        t.setDaemon(true);
        return t;
    });

    public AlertCheck(NewsIndex index, AlertStore store, WebhookSender webhooks, Clock clock) {
        this.index = index;
        this.store = store;
        this.webhooks = webhooks;
        this.clock = clock;
    }

    /** Checks every saved search on the alert thread; returns at once. */
    public Future<List<Alert>> soon() {
        return runner.submit(this::checkAll);
    }

    /** Checks every saved search now and returns the new alerts. */
    public List<Alert> checkAll() {
        List<Alert> all = new ArrayList<>();
        for (SavedSearch s : store.searches()) {
            try {
                all.addAll(check(s));
            } catch (RuntimeException e) {
                // One bad search (a query the index now refuses) does not stop the others.
                LOG.warnf(e, "Saved search %s could not be checked", s.id());
            }
        }
        return all;
    }

    /** Checks one saved search, records what is new and sends it to the webhook. */
    public List<Alert> check(SavedSearch s) {
        Set<String> pollsNow = Set.of();
        List<Alert> found = new ArrayList<>();
        String link = "/explore?" + form("q", s.q()) + "&interval=" + s.interval();
        if (s.rule().readsTrend()) {
            Interval interval = Interval.valueOf(s.interval().toUpperCase(Locale.ROOT));
            LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
            LocalDate from = interval.bucketStart(today);
            for (int i = 0; i < AlertRule.BASELINE; i++) {
                from = interval.bucketStart(from.minusDays(1));
            }
            List<TrendPoint> points = index.trend(new TrendQuery(s.q(), from, today, interval, ZoneOffset.UTC,
                    ToneScope.MENTIONS, false, 1)).points();
            s.rule().check(points).ifPresent(f -> {
                TrendPoint latest = points.get(points.size() - 1);
                found.add(new Alert(s.rule().label() + "|" + latest.start(), s.id(), s.rule(), latest.start(),
                        f.value(), f.baseline(), (s.name().isEmpty() ? "" : s.name() + ": ") + f.message(),
                        link + "&measure=" + s.rule().explorerMeasure(), clock.instant()));
            });
        } else {
            List<Poll> polls = index.polls(new PollFilter(s.topic(), null, null, null, null, false));
            Set<String> keys = new LinkedHashSet<>();
            AlertStore.Log log = store.log(s);
            for (Poll p : polls) {
                String key = pollKey(p);
                keys.add(key);
                // The polls stored when the search was saved are its baseline, not news.
                if (log.pollsSeeded() && !log.seenPolls().contains(key)) {
                    found.add(new Alert("poll|" + key, s.id(), s.rule(), p.fieldEnd(), null, null,
                            (s.name().isEmpty() ? "" : s.name() + ": ") + "new poll on " + s.topic() + ": "
                                    + describe(p), "/polls.html?" + form("topic", s.topic()), clock.instant()));
                }
            }
            pollsNow = keys;
        }
        List<Alert> fresh = store.record(s, found, pollsNow);
        fresh.forEach(a -> webhooks.send(s, a));
        return fresh;
    }

    static String pollKey(Poll p) {
        return (p.pollster() + "|" + p.fieldStart() + "|" + p.fieldEnd() + "|" + p.topic()).toLowerCase(Locale.ROOT);
    }

    private static String describe(Poll p) {
        StringBuilder out = new StringBuilder(p.pollster() == null ? "a pollster" : p.pollster());
        out.append(", fieldwork ").append(p.fieldStart()).append(" to ").append(p.fieldEnd());
        p.answers().forEach((answer, share) -> out.append(String.format(Locale.ROOT, "; %s %.0f%%", answer, share)));
        return out.toString();
    }

    private static String form(String name, String value) {
        return name + "=" + URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        runner.shutdownNow();
    }
}
