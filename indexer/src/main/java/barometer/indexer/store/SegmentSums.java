package barometer.indexer.store;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentReader;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Weight;

/**
 * What a query's matches sum to per index segment (a trend's buckets, a search's facets), kept while the segment is
 * unchanged: a segment's documents never change once written, only their deletions and doc-values updates (both in
 * the key), so a query asked again after new articles came in (the next page of a search, a widget, a dashboard)
 * sums only the new segments and those a merge or an update changed, and adds the kept sums of the rest. Its cost
 * then follows what changed since it was last asked, not the size of the archive.
 *
 * <p>The sums kept are the collectors themselves, once their segment is collected and settled by a reduce of their
 * own; reduces only read them after that, so several queries may add the same kept sums at once. Bounded by an
 * estimate of the heap they hold, least recently used out first; a segment's sums go when its core closes (merged
 * away). With no room ({@code maxBytes} 0) every query is summed afresh.
 */
final class SegmentSums {
    /** A collector whose sums over one segment can be kept. */
    interface Summed extends Collector {
        /** About the heap its sums hold, in bytes. */
        long heapBytes();
    }

    /**
     * What kept sums answer: a segment (its core, how many of its documents are deleted, the generation of its doc
     * values updates), the rewritten query, and how matches are summed. Deletions in a segment only ever grow, so
     * their count tells its live documents apart; an index reopened without changes to a segment with deletions
     * gives it a new reader, and keying by reader would sum it again.
     */
    private record Key(IndexReader.CacheKey segment, int deleted, long docValuesGen, Query query, Object measure) {
    }

    private record Kept(Collector sums, long bytes) {
    }

    private final long maxBytes;
    /** Least recently used first; guarded by this. */
    private final LinkedHashMap<Key, Kept> kept = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;
    private long hits;
    private long misses;
    /** Segment cores whose closing already drops their sums. */
    private final Set<IndexReader.CacheKey> watched = ConcurrentHashMap.newKeySet();

    SegmentSums(long maxBytes) {
        this.maxBytes = Math.max(0, maxBytes);
    }

    /**
     * The sums of {@code query}'s matches over every segment of the searcher's reader: kept ones where the segment
     * is unchanged, the others summed (in parallel, on the searcher's threads) and kept.
     *
     * @param measure equal for two calls exactly when their managers make the same collectors (kind, interval, zone,
     *        scale...)
     * @param manager makes one collector per segment, and reduces all of them to the answer
     */
    <C extends Summed, R> R sum(IndexSearcher searcher, Query query, Object measure, CollectorManager<C, R> manager)
            throws IOException {
        if (maxBytes == 0) {
            return searcher.search(query, manager);
        }
        Query rewritten = searcher.rewrite(query);
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        List<C> parts = new ArrayList<>(leaves.size());
        Key[] keys = new Key[leaves.size()];
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < leaves.size(); i++) {
            keys[i] = key(leaves.get(i), rewritten, measure);
            @SuppressWarnings("unchecked") // a measure stands for one kind of collector
            C found = keys[i] == null ? null : (C) get(keys[i]);
            parts.add(found);
            if (found == null) {
                missing.add(i);
            }
        }
        if (!missing.isEmpty()) {
            Weight weight = searcher.createWeight(rewritten, manager.newCollector().scoreMode(), 1f);
            List<Callable<C>> tasks = new ArrayList<>(missing.size());
            for (int i : missing) {
                LeafReaderContext leaf = leaves.get(i);
                tasks.add(() -> sumOf(weight, leaf, manager));
            }
            List<C> summed = searcher.getTaskExecutor().invokeAll(tasks);
            for (int j = 0; j < missing.size(); j++) {
                int i = missing.get(j);
                parts.set(i, summed.get(j));
                if (keys[i] != null) {
                    put(keys[i], summed.get(j), leaves.get(i).reader().getCoreCacheHelper());
                }
            }
        }
        return manager.reduce(parts);
    }

    /** The key of a segment's sums; null when the leaf is not a segment of the index (nothing is kept then). */
    private static Key key(LeafReaderContext leaf, Query query, Object measure) {
        if (!(leaf.reader() instanceof SegmentReader segment) || segment.getCoreCacheHelper() == null) {
            return null;
        }
        return new Key(segment.getCoreCacheHelper().getKey(), segment.numDeletedDocs(),
                segment.getSegmentInfo().getDocValuesGen(), query, measure);
    }

    /** One segment's collector, collected and settled by a reduce of its own, so that later reduces only read it. */
    private static <C extends Summed, R> C sumOf(Weight weight, LeafReaderContext leaf, CollectorManager<C, R> manager)
            throws IOException {
        C collector = manager.newCollector();
        BulkScorer scorer = weight.bulkScorer(leaf);
        if (scorer != null) {
            LeafCollector each = collector.getLeafCollector(leaf);
            scorer.score(each, leaf.reader().getLiveDocs(), 0, DocIdSetIterator.NO_MORE_DOCS);
            each.finish();
        }
        manager.reduce(List.of(collector));
        return collector;
    }

    private synchronized Collector get(Key key) {
        Kept k = kept.get(key);
        if (k == null) {
            misses++;
            return null;
        }
        hits++;
        return k.sums();
    }

    private void put(Key key, Summed sums, IndexReader.CacheHelper segment) {
        long size = sums.heapBytes();
        if (size > maxBytes / 4) {
            return; // one query's sums may not push out most of the others
        }
        if (watched.add(segment.getKey())) {
            segment.addClosedListener(this::forget);
        }
        synchronized (this) {
            Kept old = kept.put(key, new Kept(sums, size));
            bytes += size - (old == null ? 0 : old.bytes());
            var eldest = kept.entrySet().iterator();
            while (bytes > maxBytes && eldest.hasNext()) {
                bytes -= eldest.next().getValue().bytes();
                eldest.remove();
            }
        }
    }

    /** Drops the sums of a segment whose core closed (merged away). */
    private void forget(IndexReader.CacheKey segment) {
        watched.remove(segment);
        synchronized (this) {
            var entries = kept.entrySet().iterator();
            while (entries.hasNext()) {
                Map.Entry<Key, Kept> e = entries.next();
                if (e.getKey().segment() == segment) {
                    bytes -= e.getValue().bytes();
                    entries.remove();
                }
            }
        }
    }

    synchronized KeptSums use() {
        return new KeptSums(kept.size(), bytes, hits, misses);
    }
}
