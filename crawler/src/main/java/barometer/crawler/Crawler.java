package barometer.crawler;

import barometer.crawler.extract.ArticleExtractor;
import barometer.crawler.extract.ExtractedPage;
import barometer.crawler.feed.Feed;
import barometer.crawler.feed.FeedEntry;
import barometer.crawler.feed.FeedReader;
import barometer.crawler.feed.ListingReader;
import barometer.crawler.fetch.FetchException;
import barometer.crawler.fetch.FetchedResource;
import barometer.crawler.fetch.Fetcher;
import barometer.crawler.fetch.Reach;
import barometer.crawler.fetch.RobotsPolicy;
import barometer.crawler.fetch.Validators;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import org.jboss.logging.Logger;

/**
 * Runs one crawl: reads each feed, fetches the pages its items link to, extracts them and hands the
 * resulting {@link Article}s to a sink.
 *
 * <p>It is polite: robots.txt is honoured per host, and the {@link Fetcher}'s host gate keeps pace, connection cap
 * and Retry-After per host across all sources. A feed or page that cannot be read is skipped, logged with its URL
 * and counted in the {@link CrawlReport}; the rest of the crawl goes on. Pages whose URL the caller already knows
 * are not fetched again. Sources added from outside ({@link FeedSource#publicOnly()}) are fetched with
 * {@link Reach#PUBLIC_ONLY}: their feed, robots.txt, pages and every redirect hop stay on the public internet.
 */
public final class Crawler {
    private static final Logger LOG = Logger.getLogger(Crawler.class);
    private static final int MAX_PROBLEMS = 50;

    private final Fetcher fetcher;
    private final FeedReader feedReader;
    private final ArticleExtractor extractor;
    private final String robotsAgent;
    private final FeedValidatorStore validators;
    private final ListingReader listingReader = new ListingReader();
    private final int maxConcurrent;

    /** A crawler that reads one source at a time. */
    public Crawler(Fetcher fetcher, FeedReader feedReader, ArticleExtractor extractor, String robotsAgent,
                   FeedValidatorStore validators) {
        this(fetcher, feedReader, extractor, robotsAgent, validators, 1);
    }

    /**
     * @param robotsAgent the name robots.txt rules are matched against (e.g. "barometer")
     * @param validators each feed's ETag and Last-Modified, so unchanged feeds cost a 304
     * @param maxConcurrent sources read at once at most; requests to one host stay apart whatever the cap
     */
    public Crawler(Fetcher fetcher, FeedReader feedReader, ArticleExtractor extractor, String robotsAgent,
                   FeedValidatorStore validators, int maxConcurrent) {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("maxConcurrent must be at least 1: " + maxConcurrent);
        }
        this.maxConcurrent = maxConcurrent;
        this.fetcher = fetcher;
        this.feedReader = feedReader;
        this.extractor = extractor;
        this.robotsAgent = robotsAgent;
        this.validators = validators;
    }

    /**
     * Crawls the given feeds once.
     *
     * @param feeds the feeds (RSS or Atom), each with its topic tag
     * @param known tells which article URLs are already stored, so they are not fetched again
     * @param sink receives each new article; an exception it throws, or a stage that fails, counts the page as
     *        failed (and keeps the feed's validators unsaved, so the next crawl tries it again)
     */
    public CrawlReport crawl(List<FeedSource> feeds, Predicate<String> known, ArticleSink sink) {
        long start = System.nanoTime();
        // Read robots.txt afresh each crawl: sites change their rules, and a host that could not serve them
        // last time gets another chance.
        RobotsPolicy robots = new RobotsPolicy(fetcher, robotsAgent);
        Set<String> seenThisCrawl = ConcurrentHashMap.newKeySet();
        List<Tally> tallies = new ArrayList<>();
        feeds.forEach(f -> tallies.add(new Tally()));
        int threads = Math.min(maxConcurrent, Math.max(1, feeds.size()));
        if (threads == 1) {
            for (int i = 0; i < feeds.size(); i++) {
                crawlFeed(robots, feeds.get(i), known, seenThisCrawl, sink, tallies.get(i));
            }
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "barometer-crawl-source");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<?>> running = new ArrayList<>();
                for (int i = 0; i < feeds.size(); i++) {
                    FeedSource source = feeds.get(i);
                    Tally tally = tallies.get(i);
                    running.add(pool.submit(() -> crawlFeed(robots, source, known, seenThisCrawl, sink, tally)));
                }
                for (Future<?> f : running) {
                    f.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.ExecutionException e) {
                LOG.error("A source crawl failed unexpectedly", e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }
        Tally total = new Tally();
        List<SourceResult> results = new ArrayList<>();
        for (int i = 0; i < feeds.size(); i++) {
            total.add(tallies.get(i));
            results.add(tallies.get(i).result(feeds.get(i).url().toString()));
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        return new CrawlReport(total.feedsRead, total.feedsUnchanged, total.feedsFailed, total.pagesFetched,
                total.pagesFailed, total.pagesSkipped, total.disallowed, total.articles, total.problems, took, results);
    }

    private void crawlFeed(RobotsPolicy robots, FeedSource source, Predicate<String> known, Set<String> seenThisCrawl,
                           ArticleSink sink, Tally tally) {
        URI feedUrl = source.url();
        Feed feed;
        FetchedResource fetched;
        try {
            Optional<FetchedResource> changed = politeFetch(robots, feedUrl, validators.get(feedUrl.toString()),
                    reach(source));
            if (changed.isEmpty()) {
                tally.feedsUnchanged++;
                return;
            }
            fetched = changed.get();
            feed = source.isListing() ? listingReader.read(fetched, source.linkPattern()) : feedReader.read(fetched);
            tally.feedsRead++;
        } catch (Disallowed e) {
            tally.disallowed++;
            tally.problem(feedUrl, e);
            tally.sourceError = e.getMessage();
            return;
        } catch (FetchException | RuntimeException e) {
            tally.feedsFailed++;
            tally.problem(feedUrl, e);
            tally.sourceError = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return;
        }
        int failedBefore = tally.pagesFailed;
        List<Handed> handed = new ArrayList<>();
        for (FeedEntry entry : feed.entries()) {
            if (entry.link() == null || !isWebLink(entry.link())) {
                tally.pagesSkipped++;
                continue;
            }
            String link = CanonicalUrl.of(entry.link()).toString();
            if (!seenThisCrawl.add(link) || known.test(link)) {
                tally.pagesSkipped++;
                continue;
            }
            crawlPage(robots, source, feed, entry, known, seenThisCrawl, sink, tally, handed);
        }
        for (Handed h : handed) {
            try {
                h.stored().toCompletableFuture().join();
                tally.articles++;
            } catch (RuntimeException e) {
                tally.pagesFailed++;
                tally.problem(URI.create(h.url()), new IllegalStateException("not stored: "
                        + (e.getCause() == null ? e.getMessage() : e.getCause().getMessage())));
            }
        }
        // Only a feed whose every new item was stored may be skipped next time when unchanged; otherwise the
        // next crawl must read it again to retry the items that failed (or were lost to a crash meanwhile).
        if (tally.pagesFailed == failedBefore) {
            validators.put(feedUrl.toString(), fetched.validators());
        }
    }

    private static boolean isWebLink(java.net.URI link) {
        return "http".equalsIgnoreCase(link.getScheme()) || "https".equalsIgnoreCase(link.getScheme());
    }

    private void crawlPage(RobotsPolicy robots, FeedSource source, Feed feed, FeedEntry entry, Predicate<String> known,
                           Set<String> seenThisCrawl, ArticleSink sink, Tally tally, List<Handed> handed) {
        try {
            FetchedResource page = politeFetch(robots, entry.link(), Validators.NONE, reach(source)).orElseThrow();
            if (!isHtml(page.contentType())) {
                throw new IllegalStateException("not an HTML page (" + page.contentType() + ")");
            }
            ExtractedPage extracted = extractor.extract(page);
            tally.pagesFetched++;
            // The page's own canonical address wins over the one it was reached by (redirects included).
            String url = CanonicalUrl.of(ownAddress(extracted, page)).toString();
            String reachedBy = CanonicalUrl.of(entry.link()).toString();
            if (!url.equals(reachedBy) && (known.test(url) || !seenThisCrawl.add(url))) {
                tally.pagesSkipped++;
                return;
            }
            if (extracted.text().isBlank()) {
                throw new IllegalStateException("no article text found on the page");
            }
            handed.add(new Handed(url, sink.accept(new Article(url,
                    firstNonBlank(extracted.title(), entry.title()),
                    firstNonBlank(extracted.siteName(), feed.title(), page.finalUri().getHost()),
                    extracted.published() != null ? extracted.published() : entry.published(),
                    extracted.text(), source.topic(), extracted.authors(), extracted.language(), extracted.leadImage(),
                    extracted.modified()))));
        } catch (Disallowed e) {
            tally.disallowed++;
            tally.problem(entry.link(), e);
        } catch (FetchException | RuntimeException e) {
            tally.pagesFailed++;
            tally.problem(entry.link(), e);
        }
    }

    /** HTML, XHTML, or no type at all (then Jsoup decides): PDFs, images and the like are not articles. */
    private static boolean isHtml(String contentType) {
        String type = contentType.split(";")[0].strip().toLowerCase(java.util.Locale.ROOT);
        return type.isEmpty() || type.equals("text/html") || type.equals("application/xhtml+xml");
    }

    private static URI ownAddress(ExtractedPage extracted, FetchedResource page) {
        if (!extracted.canonicalUrl().isEmpty()) {
            try {
                return new URI(extracted.canonicalUrl());
            } catch (java.net.URISyntaxException e) {
                LOG.debugf("Ignoring the unusable canonical link %s of %s", extracted.canonicalUrl(), page.finalUri());
            }
        }
        return page.finalUri();
    }

    /** An article handed to the sink, and when it is stored. */
    private record Handed(String url, java.util.concurrent.CompletionStage<?> stored) {
    }

    private static Reach reach(FeedSource source) {
        return source.publicOnly() ? Reach.PUBLIC_ONLY : Reach.ANYWHERE;
    }

    /**
     * Fetches what robots.txt allows; empty when unchanged (304). The address is checked against the reach before
     * anything is sent, robots.txt included; the fetcher paces every request.
     */
    private Optional<FetchedResource> politeFetch(RobotsPolicy robots, URI uri, Validators since, Reach reach)
            throws FetchException, Disallowed {
        fetcher.admit(uri, reach);
        if (!robots.allows(uri, reach)) {
            throw new Disallowed();
        }
        return fetcher.fetch(uri, since, reach);
    }

    /** robots.txt forbids the address (or could not be read: then the host waits for the next crawl). */
    private static final class Disallowed extends Exception {
        Disallowed() {
            super("disallowed by robots.txt", null, false, false);
        }
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return "";
    }

    /** Counters of one source in one crawl; confined to the thread crawling that source. */
    private static final class Tally {
        int feedsRead, feedsUnchanged, feedsFailed, pagesFetched, pagesFailed, pagesSkipped, disallowed, articles;
        final List<String> problems = new ArrayList<>();
        String sourceError = "";

        void problem(URI url, Exception e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            LOG.warnf("Skipped %s: %s", url, reason);
            if (problems.size() < MAX_PROBLEMS) {
                problems.add(url + ": " + reason);
            }
        }

        void add(Tally o) {
            feedsRead += o.feedsRead;
            feedsUnchanged += o.feedsUnchanged;
            feedsFailed += o.feedsFailed;
            pagesFetched += o.pagesFetched;
            pagesFailed += o.pagesFailed;
            pagesSkipped += o.pagesSkipped;
            disallowed += o.disallowed;
            articles += o.articles;
            for (String p : o.problems) {
                if (problems.size() < MAX_PROBLEMS) {
                    problems.add(p);
                }
            }
        }

        SourceResult result(String url) {
            SourceResult.Outcome outcome = feedsFailed > 0 ? SourceResult.Outcome.FAILED
                    : feedsUnchanged > 0 ? SourceResult.Outcome.UNCHANGED
                    : feedsRead > 0 ? SourceResult.Outcome.READ : SourceResult.Outcome.DISALLOWED;
            String error = !sourceError.isEmpty() ? sourceError : problems.isEmpty() ? "" : problems.get(0);
            return new SourceResult(url, outcome, articles, pagesFailed, error);
        }
    }
}
