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
 * copied. {@link #submit} waits when the workers are behind, so a fast crawler cannot pile up memory.
 * Searches go on while articles are taken in. Polls the article reports ({@link PollExtractor}) are stored
 * with it, merged with other reports of the same poll.
 */
public final class Ingest implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Ingest.class);
    /** Attempts at tagging and storing one queued article before the queue passes it over. */
    static final int TAG_ATTEMPTS = 3;

    private final SentimentTagger tagger;
    private final NewsIndex index;
    private final ExecutorService pool;
    /** Articles submitted and not yet stored: {@link #submit} waits for a permit, so memory stays bounded. */
    private final java.util.concurrent.Semaphore admitted;
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
    /** Held for a whole commit; commitLock is held only to take a group, never while the disk is written. */
    private final Object commitRun = new Object();
    /** A full group was handed to the commit thread and not taken yet; guarded by commitLock. */
    private boolean commitRequested;
    /** Stored articles waiting for their commit, guarded by commitLock. */
    private final List<Waiting> uncommitted = new java.util.ArrayList<>();

    /** A stage waiting for its commit; {@code submitted}: an article taken in (not a tagged one stored again). */
    private record Waiting(CompletableFuture<Void> stage, boolean submitted) {
    }
    private long oldestUncommitted;
    private final java.util.concurrent.ScheduledExecutorService committer;
    private final Tagging tagging;
    private final ExecutorService taggers;
    /** URLs being tagged, or tagged and waiting for the commit that makes the index show them tagged. */
    private final java.util.Set<String> taggingNow = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Failed attempts to tag and store each article, while under {@link #TAG_ATTEMPTS}. */
    private final java.util.Map<String, Integer> tagFailures = new java.util.concurrent.ConcurrentHashMap<>();
    /**
     * Articles that failed {@link #TAG_ATTEMPTS} times: left stored, searchable and untagged, and not taken again
     * until the next start, so that one bad article cannot keep the workers busy retrying it for ever.
     */
    private final java.util.Set<String> givenUp = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final java.util.Deque<Article> toTag = new java.util.ArrayDeque<>();
    /** Articles a tagging worker took from the queue and has not stored yet. */
    private final AtomicInteger inHand = new AtomicInteger();
    /** Whether the last refill of the queue found nothing to tag; guarded by queueLock. */
    private boolean drained;
    private final Object queueLock = new Object();
    private final AtomicLong articlesTagged = new AtomicLong();
    private volatile long firstTaggedNanos;
    private final java.util.function.Supplier<TaggingShare> share;

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
        this(tagger, index, workers, policy, Tagging.INLINE);
    }

    /**
     * @param workers articles tagged at once; one per core keeps the machine busy
     * @param policy when stored articles are committed
     * @param tagging whether articles are tagged before they are stored, or stored first and tagged by a queue
     */
    public Ingest(SentimentTagger tagger, NewsIndex index, int workers, CommitPolicy policy, Tagging tagging) {
        this(tagger, index, workers, policy, tagging, true);
    }

    /**
     * @param startQueue false: with {@link Tagging#QUEUED}, store untagged and leave the tagging to another process
     *        (the service, after {@code ./barometer import --no-tag}); no tagger is needed then
     */
    public Ingest(SentimentTagger tagger, NewsIndex index, int workers, CommitPolicy policy, Tagging tagging,
            boolean startQueue) {
        this(tagger, index, workers, policy, tagging, startQueue, () -> TaggingShare.ALL);
    }

    /**
     * @param share this process's part of the tagging queue, asked again at each refill: workers sharing a cluster
     *        each take their own part (their place among the live workers), so that none tags an article twice
     */
    public Ingest(SentimentTagger tagger, NewsIndex index, int workers, CommitPolicy policy, Tagging tagging,
            boolean startQueue, java.util.function.Supplier<TaggingShare> share) {
        this.share = share;
        this.tagger = tagger;
        this.index = index;
        this.policy = policy;
        this.tagging = tagging;
        this.committer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "barometer-commit");
            t.setDaemon(true);
            return t;
        });
        long tick = Math.max(10, Math.min(100, policy.within().toMillis()));
        committer.scheduleWithFixedDelay(this::commitIfDue, tick, tick, TimeUnit.MILLISECONDS);
        if (tagging == Tagging.QUEUED && startQueue) {
            AtomicInteger t = new AtomicInteger();
            taggers = java.util.concurrent.Executors.newFixedThreadPool(workers, r -> {
                Thread thread = new Thread(r, "barometer-tagging-" + t.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
            for (int i = 0; i < workers; i++) {
                taggers.execute(this::tagQueued);
            }
        } else {
            taggers = null;
        }
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.SECONDS,
                new java.util.concurrent.LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "barometer-ingest-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        // Each worker busy and two more articles queued for it. A submitter that ran an article itself when the
        // queue was full (caller-runs) could not feed the workers meanwhile, and they went idle.
        this.admitted = new java.util.concurrent.Semaphore(workers * 3);
    }

    /**
     * Tags and stores an article in the background; waits while the workers have enough queued.
     *
     * @return completes once the article is committed (durable), exceptionally when it could not be stored; the
     *         crawler saves a feed's validators only after every article of it completed
     */
    public CompletableFuture<Void> submit(Article article) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            while (!admitted.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                if (pool.isShutdown()) {
                    failed.incrementAndGet();
                    done.completeExceptionally(new java.util.concurrent.RejectedExecutionException("ingest closed"));
                    return done;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed.incrementAndGet();
            done.completeExceptionally(e);
            return done;
        }
        inFlight.register();
        try {
            pool.execute(() -> {
                try {
                    AnalysedArticle analysed = tagging == Tagging.INLINE ? analyse(article) : reusedOrUntagged(article);
                    index.add(analysed);
                    if (analysed.pending()) {
                        wakeIdleTaggers();
                    }
                    storePolls(article);
                    awaitCommit(done, true);
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
                    admitted.release();
                    inFlight.arriveAndDeregister();
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            admitted.release();
            inFlight.arriveAndDeregister();
            failed.incrementAndGet();
            done.completeExceptionally(e);
        }
        return done;
    }

    /** The sentences of the same text when stored already; else the article stored untagged, for the queue. */
    private AnalysedArticle reusedOrUntagged(Article article) {
        Optional<List<TaggedSentence>> known = index.sentencesOf(ContentHash.of(article.text()));
        if (known.isPresent()) {
            reused.addAndGet(known.get().size());
            return new AnalysedArticle(article, known.get());
        }
        return AnalysedArticle.untagged(article);
    }

    /**
     * Tells tagging workers that found the queue empty that an untagged article is stored: they need not wait for
     * its commit (the index's reader shows it), and a start or a lull costs no idle second. Busy workers are left
     * alone: they read the queue again when they run out, and each read reopens the reader.
     */
    private void wakeIdleTaggers() {
        synchronized (queueLock) {
            if (drained) {
                drained = false;
                queueLock.notifyAll();
            }
        }
    }

    /** A tagging worker: takes untagged articles from the index, tags them and stores them again, until closed. */
    private void tagQueued() {
        while (!Thread.currentThread().isInterrupted()) {
            Article next;
            try {
                next = nextToTag();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warnf(e, "Could not read the tagging queue");
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException stop) {
                    return;
                }
                continue;
            }
            if (next == null) {
                continue;
            }
            try {
                try {
                    index.add(analyse(next));
                } finally {
                    inHand.decrementAndGet();
                }
                CompletableFuture<Void> durable = new CompletableFuture<>();
                durable.whenComplete((ok, e) -> taggingNow.remove(next.url()));
                awaitCommit(durable, false);
                articlesTagged.incrementAndGet();
                tagFailures.remove(next.url());
                if (firstTaggedNanos == 0) {
                    firstTaggedNanos = System.nanoTime();
                }
            } catch (RuntimeException e) {
                failed.incrementAndGet();
                int attempts = tagFailures.merge(next.url(), 1, Integer::sum);
                if (attempts >= TAG_ATTEMPTS) {
                    givenUp.add(next.url());
                    tagFailures.remove(next.url());
                    LOG.errorf(e, "Could not tag %s in %d attempts; it stays stored and searchable, untagged, and is "
                            + "tried again after a restart", next.url(), attempts);
                } else {
                    LOG.warnf(e, "Could not tag %s (attempt %d of %d); it stays untagged and is tried again",
                            next.url(), attempts, TAG_ATTEMPTS);
                }
                taggingNow.remove(next.url());
            }
        }
    }

    /** The next untagged article nobody is tagging, or null after waiting a second for one. */
    private Article nextToTag() throws InterruptedException {
        synchronized (queueLock) {
            if (toTag.isEmpty()) {
                java.util.Set<String> except = new java.util.HashSet<>(taggingNow);
                except.addAll(givenUp);
                for (Article a : index.untagged(32, except, share.get())) {
                    if (taggingNow.add(a.url())) {
                        toTag.add(a);
                    }
                }
                drained = toTag.isEmpty();
            }
            if (toTag.isEmpty()) {
                queueLock.wait(1000);
                return null;
            }
            Article next = toTag.poll();
            if (!share.get().holds(next.url())) {
                // The live workers changed since the refill: this one is now another worker's to tag.
                taggingNow.remove(next.url());
                return null;
            }
            inHand.incrementAndGet();
            return next;
        }
    }

    /**
     * Waits until no stored article is left untagged but those the queue gave up on (or the timeout passes); true
     * when none is left.
     */
    public boolean awaitTagged(java.time.Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        awaitIdle();
        while (System.nanoTime() < deadline) {
            // The index is asked only once the workers found nothing more to take: each question reopens its
            // reader, and each commit flushes a segment, both beside the tagging they wait for.
            if (queueIdle()) {
                awaitIdle();
                if (index.untaggedCount() <= givenUp.size() && taggingNow.isEmpty()) {
                    return true;
                }
            }
            Thread.sleep(100);
        }
        return false;
    }

    /** No article queued or in a tagging worker's hands, and the last refill found none. */
    private boolean queueIdle() {
        synchronized (queueLock) {
            return drained && toTag.isEmpty() && inHand.get() == 0;
        }
    }

    /** What the tagging queue is doing: how it tags, articles waiting, articles tagged so far and the rate. */
    public TaggingQueue queue() {
        long tagged = articlesTagged.get();
        double seconds = firstTaggedNanos == 0 ? 0 : (System.nanoTime() - firstTaggedNanos) / 1e9;
        return new TaggingQueue(tagging, tagging == Tagging.QUEUED ? index.untaggedCount() : 0, tagged,
                seconds <= 0 ? 0 : tagged / seconds, givenUp.size());
    }

    /**
     * The tagging queue's state.
     *
     * @param mode whether articles are tagged before or after they are stored
     * @param waiting articles stored and not yet tagged
     * @param tagged articles the queue tagged since the start
     * @param articlesPerSecond its rate since its first article
     * @param givenUp articles among the waiting that failed {@link #TAG_ATTEMPTS} times and are passed over until the
     *        next start (the log says why)
     */
    public record TaggingQueue(Tagging mode, long waiting, long tagged, double articlesPerSecond, long givenUp) {
    }

    /**
     * Queues a stored article's stage for the next commit; a full group is handed to the commit thread, so that the
     * worker goes on tagging while the group is made durable (a commit waits on the disk).
     */
    private void awaitCommit(CompletableFuture<Void> done, boolean submitted) {
        boolean full;
        synchronized (commitLock) {
            if (uncommitted.isEmpty()) {
                oldestUncommitted = System.nanoTime();
            }
            uncommitted.add(new Waiting(done, submitted));
            // One request per group: the stages that arrive before the commit thread takes it join it.
            full = (uncommitted.size() >= policy.articles() || policy.within().isZero()) && !commitRequested;
            commitRequested |= full;
        }
        if (full) {
            try {
                committer.execute(this::commitNow);
            } catch (java.util.concurrent.RejectedExecutionException closing) {
                commitNow();
            }
        }
    }

    private void commitIfDue() {
        boolean due;
        synchronized (commitLock) {
            due = !uncommitted.isEmpty() && System.nanoTime() - oldestUncommitted >= policy.within().toNanos();
        }
        if (due) {
            commitNow();
        }
    }

    /**
     * Commits what is stored and completes the waiting stages (exceptionally when the commit failed). One commit at
     * a time, so that groups complete in the order they were taken; stages queued meanwhile wait for the next.
     */
    private void commitNow() {
        synchronized (commitRun) {
            List<Waiting> group;
            synchronized (commitLock) {
                if (uncommitted.isEmpty()) {
                    return;
                }
                group = List.copyOf(uncommitted);
                uncommitted.clear();
                commitRequested = false;
            }
            long submitted = group.stream().filter(Waiting::submitted).count();
            try {
                index.commit();
                commits.incrementAndGet();
                stored.addAndGet(submitted);
                group.forEach(w -> w.stage().complete(null));
                if (submitted > 0 && tagging == Tagging.QUEUED) {
                    // Untagged articles become visible to the queue with this commit: wake the waiting workers.
                    synchronized (queueLock) {
                        queueLock.notifyAll();
                    }
                }
            } catch (RuntimeException e) {
                failed.addAndGet(submitted);
                LOG.errorf(e, "Could not commit %d stored articles; their sources will send them again", group.size());
                group.forEach(w -> w.stage().completeExceptionally(e));
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
        if (taggers != null) {
            taggers.shutdownNow();
        }
        committer.shutdownNow();
        try {
            commitNow();
        } catch (RuntimeException e) {
            LOG.warnf(e, "Could not commit at close");
        }
    }
}
