package barometer.indexer.store;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * The stored articles that share the most MinHash bands with a new article's signature, read straight from each
 * segment's terms: one terms enum per segment for all sixteen bands. As a scored query (a boolean of sixteen term
 * queries) the same lookup built term statistics and a scorer per band and segment: about a fifth of the adding
 * thread's time in a profile of 60,000 synthetic articles. The number of shared bands is also the better order, since
 * the chance that two signatures share a band rises with their similarity.
 */
final class SharedBands {
    private SharedBands() {
    }

    /**
     * Live documents with at least one of {@code bands} in {@link Fields#SIM_BAND} (only articles have it), most
     * shared bands first, then in index order (older first); at most {@code limit}.
     */
    static List<Integer> best(IndexReader reader, List<String> bands, int limit) throws IOException {
        Map<Integer, Integer> shared = new HashMap<>();
        List<BytesRef> terms = bands.stream().map(BytesRef::new).toList();
        PostingsEnum postings = null;
        for (LeafReaderContext leaf : reader.leaves()) {
            Terms field = leaf.reader().terms(Fields.SIM_BAND);
            if (field == null) {
                continue;
            }
            TermsEnum te = field.iterator();
            Bits live = leaf.reader().getLiveDocs();
            for (BytesRef band : terms) {
                if (!te.seekExact(band)) {
                    continue;
                }
                postings = te.postings(postings, PostingsEnum.NONE);
                for (int d = postings.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = postings.nextDoc()) {
                    if (live == null || live.get(d)) {
                        shared.merge(leaf.docBase + d, 1, Integer::sum);
                    }
                }
            }
        }
        List<Map.Entry<Integer, Integer>> ranked = new ArrayList<>(shared.entrySet());
        ranked.sort(Map.Entry.<Integer, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        return ranked.stream().limit(limit).map(Map.Entry::getKey).toList();
    }
}
