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
 * CoreNLP pipeline; several articles at once keep every core busy), stores each one, and commits them in groups
 * ({@link CommitPolicy}); an article's stage completes once its commit is done, so that what has been counted as
 * indexed survives a crash.
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
    private final AtomicLong commits = new AtomicLong();
    private final CommitPolicy policy;
    private final Object commitLock = new Object();
    /** Stored articles waiting for their commit, guarded by commitLock. */
    private final List<CompletableFuture<Void>> uncommitted = new java.util.ArrayList<>();
    private long oldestUncommitted;
    private final java.util.concurrent.ScheduledExecutorService committer;

    /**
     * @param workers articles tagged at once; one per core keeps the machine busy
     */
    public Ingest(SentimentTagger tagger, NewsIndex index, int workers) {
        this(tagger, index, workers, CommitPolicy.DEFAULT);
    }

    /**
     * @param workers articles tagged at once; one per core keeps the machine busy
     * @param policy when stored articles are committed
     */
    public Ingest(SentimentTagger tagger, NewsIndex index, int workers, CommitPolicy policy) {
        this.tagger = tagger;
        this.index = index;
        this.policy = policy;
        this.committer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "barometer-commit");
            t.setDaemon(true);
            return t;
        });
        long tick = Math.max(10, Math.min(100, policy.within().toMillis()));
        committer.scheduleWithFixedDelay(this::commitIfDue, tick, tick, TimeUnit.MILLISECONDS);
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
                    awaitCommit(done);
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

    /** Queues a stored article's stage for the next commit, committing now when the group is full. */
    private void awaitCommit(CompletableFuture<Void> done) {
        synchronized (commitLock) {
            if (uncommitted.isEmpty()) {
                oldestUncommitted = System.nanoTime();
            }
            uncommitted.add(done);
            if (uncommitted.size() >= policy.articles() || policy.within().isZero()) {
                commitNow();
            }
        }
    }

    private void commitIfDue() {
        synchronized (commitLock) {
            if (!uncommitted.isEmpty() && System.nanoTime() - oldestUncommitted >= policy.within().toNanos()) {
                commitNow();
            }
        }
    }

    /** Commits what is stored and completes the waiting stages (exceptionally when the commit failed). */
    private void commitNow() {
        synchronized (commitLock) {
            if (uncommitted.isEmpty()) {
                return;
            }
            List<CompletableFuture<Void>> group = List.copyOf(uncommitted);
            uncommitted.clear();
            try {
                index.commit();
                commits.incrementAndGet();
                stored.addAndGet(group.size());
                group.forEach(f -> f.complete(null));
            } catch (RuntimeException e) {
                failed.addAndGet(group.size());
                LOG.errorf(e, "Could not commit %d stored articles; their sources will send them again", group.size());
                group.forEach(f -> f.completeExceptionally(e));
            }
        }
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

    /** Waits until every submitted article is stored and committed (or has failed). */
    public void awaitIdle() {
        inFlight.arriveAndAwaitAdvance();
        commitNow();
    }

    /** Counters since this ingest was built. */
    public IngestStats stats() {
        return new IngestStats(stored.get(), failed.get(), tagged.get(), reused.get(), overCap.get(),
                taggingNanos.get() / 1e9, pollsFound.get(), pollFailures.get());
    }

    /** Commits made so far (each holds up to {@link CommitPolicy#articles()} articles). */
    public long commits() {
        return commits.get();
    }

    @Override
    public void close() {
        pool.shutdownNow();
        committer.shutdownNow();
        try {
            commitNow();
        } catch (RuntimeException e) {
            LOG.warnf(e, "Could not commit at close");
        }
    }
}
