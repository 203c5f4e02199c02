package barometer.indexer;

import barometer.crawler.Article;
import barometer.crawler.poll.Poll;
import barometer.crawler.poll.PollExtractor;
import barometer.indexer.sentiment.AnalysedArticle;
import barometer.indexer.sentiment.SentimentTagger;
import barometer.indexer.sentiment.TaggedSentence;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Phaser;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Takes crawled articles into the index: tags their sentences on a pool of worker threads (one shared
 * CoreNLP pipeline; several articles at once keep every core busy), stores each one and commits it, so
 * that what has been counted as indexed survives a crash.
 *
 * <p>Text already stored under any URL (same {@link ContentHash}) is not tagged again: its sentences are
 * copied. {@link #submit} blocks when the workers are behind, so a fast crawler cannot pile up memory.
 * Searches go on while articles are taken in. Polls the article reports ({@link PollExtractor}) are stored
 * with it, merged with other reports of the same poll.
 */
public final class Ingest implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Ingest.class);

    private final SentimentTagger tagger;
    private final NewsIndex index;
    private final ExecutorService pool;
    private final Phaser inFlight = new Phaser(1);
    private final AtomicLong stored = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong tagged = new AtomicLong();
    private final AtomicLong reused = new AtomicLong();
    private final AtomicLong overCap = new AtomicLong();
    private final AtomicLong taggingNanos = new AtomicLong();
    private final PollExtractor polls = new PollExtractor();
    private final AtomicLong pollFailures = new AtomicLong();
    private final AtomicLong pollsFound = new AtomicLong();

    /**
     * @param workers articles tagged at once; one per core keeps the machine busy
     */
    public Ingest(SentimentTagger tagger, NewsIndex index, int workers) {
        this.tagger = tagger;
        this.index = index;
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(workers * 2), r -> {
                    Thread t = new Thread(r, "barometer-ingest-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
    }

    /**
     * Tags and stores an article in the background; runs it on the caller's thread when the queue is full.
     *
     * @return completes once the article is committed (durable), exceptionally when it could not be stored; the
     *         crawler saves a feed's validators only after every article of it completed
     */
    public CompletableFuture<Void> submit(Article article) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        inFlight.register();
        try {
            pool.execute(() -> {
                try {
                    index.add(analyse(article));
                    storePolls(article);
                    index.commit();
                    stored.incrementAndGet();
                    done.complete(null);
                } catch (RuntimeException e) {
                    failed.incrementAndGet();
                    LOG.warnf(e, "Could not index %s", article.url());
                    done.completeExceptionally(e);
                } catch (Error e) {
                    // The crawl must not wait for this article for ever, nor take the error for a stored one.
                    failed.incrementAndGet();
                    done.completeExceptionally(e);
                    throw e;
                } finally {
                    inFlight.arriveAndDeregister();
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            inFlight.arriveAndDeregister();
            failed.incrementAndGet();
            done.completeExceptionally(e);
        }
        return done;
    }

    /** Tags an article, or copies the sentences of the same text already stored. */
    AnalysedArticle analyse(Article article) {
        Optional<List<TaggedSentence>> known = index.sentencesOf(ContentHash.of(article.text()));
        if (known.isPresent()) {
            reused.addAndGet(known.get().size());
            return new AnalysedArticle(article, known.get());
        }
        long t0 = System.nanoTime();
        AnalysedArticle analysed = tagger.analyse(article);
        taggingNanos.addAndGet(System.nanoTime() - t0);
        tagged.addAndGet(analysed.sentences().size());
        overCap.addAndGet(analysed.untaggedSentences());
        return analysed;
    }

    /** A poll that cannot be read or stored is logged and counted; it never costs the article. */
    private void storePolls(Article article) {
        try {
            List<Poll> polls = pollsIn(article);
            if (!polls.isEmpty()) {
                pollsFound.addAndGet(polls.size());
                index.addPolls(polls);
            }
        } catch (RuntimeException e) {
            pollFailures.incrementAndGet();
            LOG.warnf(e, "Could not store the polls of %s", article.url());
        }
    }

    /** The polls an article reports, placed at its publication day when it gives no fieldwork dates. */
    private List<Poll> pollsIn(Article article) {
        LocalDate published = article.published() == null ? null
                : article.published().atZone(ZoneOffset.UTC).toLocalDate();
        return polls.extract(article.text(), article.url(), published, article.topic());
    }

    /** Waits until every submitted article is stored (or has failed). */
    public void awaitIdle() {
        inFlight.arriveAndAwaitAdvance();
    }

    /** Counters since this ingest was built. */
    public IngestStats stats() {
        return new IngestStats(stored.get(), failed.get(), tagged.get(), reused.get(), overCap.get(),
                taggingNanos.get() / 1e9, pollsFound.get(), pollFailures.get());
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
