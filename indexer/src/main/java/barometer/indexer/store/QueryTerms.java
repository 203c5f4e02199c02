package barometer.indexer.store;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.BytesRef;

/**
 * The terms of one field that a query looks for (not those it excludes), so that a collector can read
 * where in a matching document the query's words stand. Prefix and wildcard terms are expanded per
 * segment, up to {@link #MAX_EXPANSIONS} each.
 */
final class QueryTerms {
    static final int MAX_EXPANSIONS = 256;

    private final String field;
    private final Set<Term> terms;
    private final List<MultiTermQuery> patterns;

    private QueryTerms(String field, Set<Term> terms, List<MultiTermQuery> patterns) {
        this.field = field;
        this.terms = Set.copyOf(terms);
        this.patterns = List.copyOf(patterns);
    }

    static QueryTerms of(Query query, String field) {
        NamedWords named = NamedWords.of(query, field);
        return new QueryTerms(field, named.terms(), named.patterns());
    }

    boolean isEmpty() {
        return terms.isEmpty() && patterns.isEmpty();
    }

    /** Positions and payloads of the query's terms in one segment, one enum per term present in it. */
    List<PostingsEnum> positions(LeafReader reader) throws IOException {
        return eachPresent(reader, (here, term) -> here.postings(null, PostingsEnum.PAYLOADS));
    }

    /**
     * The postings with frequencies of the same terms, in the same order as {@link #positions}, in {@code other} (a
     * field that holds some of this field's words); null where a term of this field is not in it.
     */
    List<PostingsEnum> frequencies(LeafReader reader, String other) throws IOException {
        Terms otherTerms = reader.terms(other);
        TermsEnum there = otherTerms == null ? null : otherTerms.iterator();
        return eachPresent(reader, (here, term) -> there != null && there.seekExact(term)
                ? there.postings(null, PostingsEnum.FREQS) : null);
    }

    /** What to read for one term of the field, its terms enum positioned on it. */
    private interface PerTerm {
        PostingsEnum read(TermsEnum here, BytesRef term) throws IOException;
    }

    /** {@code perTerm} of each query term present in the segment's field, then of each pattern's expansions. */
    private List<PostingsEnum> eachPresent(LeafReader reader, PerTerm perTerm) throws IOException {
        List<PostingsEnum> out = new ArrayList<>();
        Terms fieldTerms = reader.terms(field);
        if (fieldTerms == null) {
            return out;
        }
        TermsEnum exact = fieldTerms.iterator();
        for (Term t : terms) {
            if (exact.seekExact(t.bytes())) {
                out.add(perTerm.read(exact, t.bytes()));
            }
        }
        for (MultiTermQuery pattern : patterns) {
            TermsEnum matching = pattern.getTermsEnum(fieldTerms);
            int expanded = 0;
            for (BytesRef term = matching.next(); term != null && expanded < MAX_EXPANSIONS; term = matching.next()) {
                out.add(perTerm.read(matching, term));
                expanded++;
            }
        }
        return out;
    }
}
