package barometer.indexer.store;

import java.io.IOException;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.FixedBitSet;

/**
 * Which article a sentence belongs to, within one segment: an article and its sentences are indexed as one
 * block, article first ({@link ArticleDocuments}), and Lucene keeps blocks contiguous through merges, so a
 * sentence's article is the nearest article document at or before it.
 */
final class ArticleBlocks {
    private final FixedBitSet articles;
    private final int docBase;

    private ArticleBlocks(FixedBitSet articles, int docBase) {
        this.articles = articles;
        this.docBase = docBase;
    }

    /** Reads the segment's article documents: one pass over the postings of kind:article. */
    static ArticleBlocks of(LeafReaderContext context) throws IOException {
        return new ArticleBlocks(read(context), context.docBase);
    }

    private static FixedBitSet read(LeafReaderContext context) throws IOException {
        FixedBitSet bits = new FixedBitSet(Math.max(1, context.reader().maxDoc()));
        PostingsEnum p = context.reader().postings(new Term(Fields.KIND, Fields.ARTICLE), PostingsEnum.NONE);
        if (p != null) {
            for (int d = p.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = p.nextDoc()) {
                bits.set(d);
            }
        }
        return bits;
    }

    /**
     * The article documents of each segment, read once per segment rather than once per query (a segment never
     * changes; its entry goes when the segment is closed). One per index.
     */
    static final class Cache {
        private final java.util.Map<Object, FixedBitSet> bySegment = new java.util.concurrent.ConcurrentHashMap<>();

        ArticleBlocks of(LeafReaderContext context) throws IOException {
            var helper = context.reader().getCoreCacheHelper();
            if (helper == null) {
                return ArticleBlocks.of(context);
            }
            FixedBitSet bits = bySegment.get(helper.getKey());
            if (bits == null) {
                bits = read(context);
                if (bySegment.putIfAbsent(helper.getKey(), bits) == null) {
                    helper.addClosedListener(bySegment::remove);
                }
            }
            return new ArticleBlocks(bits, context.docBase);
        }
    }

    /** The searcher-wide document id of the article of segment document {@code doc}, or -1 when none. */
    long articleOf(int doc) {
        int article = articles.prevSetBit(doc);
        return article < 0 ? -1 : docBase + (long) article;
    }
}
