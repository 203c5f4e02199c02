package barometer.indexer.store;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

/**
 * The words a parsed query names in one field: its exact terms and its patterns (prefix, wildcard, fuzzy, regular
 * expression), not the words it excludes. Tone toward the query's words is read where these stand, by either backend.
 *
 * @param terms the exact terms, in query order
 * @param patterns the multi-term queries, in query order
 */
public record NamedWords(Set<Term> terms, List<MultiTermQuery> patterns) {
    public NamedWords {
        terms = Set.copyOf(terms);
        patterns = List.copyOf(patterns);
    }

    /** Whether the query names no word in the field. */
    public boolean isEmpty() {
        return terms.isEmpty() && patterns.isEmpty();
    }

    /** The words {@code query} names in {@code field}. */
    public static NamedWords of(Query query, String field) {
        Set<Term> terms = new LinkedHashSet<>();
        List<MultiTermQuery> patterns = new ArrayList<>();
        query.visit(new QueryVisitor() {
            @Override
            public boolean acceptField(String f) {
                return field.equals(f);
            }

            @Override
            public void consumeTerms(Query q, Term... ts) {
                for (Term t : ts) {
                    if (field.equals(t.field())) {
                        terms.add(t);
                    }
                }
            }

            @Override
            public void consumeTermsMatching(Query q, String f, Supplier<ByteRunAutomaton> automaton) {
                if (field.equals(f) && q instanceof MultiTermQuery mtq) {
                    patterns.add(mtq);
                }
            }

            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                // Words a query excludes are not what it names.
                return occur == BooleanClause.Occur.MUST_NOT ? QueryVisitor.EMPTY_VISITOR : this;
            }
        });
        return new NamedWords(terms, patterns);
    }
}
