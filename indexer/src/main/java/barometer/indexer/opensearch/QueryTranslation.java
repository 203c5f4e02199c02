package barometer.indexer.opensearch;

import barometer.indexer.InvalidQueryException;
import barometer.indexer.store.NamedWords;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.RegexpQuery;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.search.WildcardQuery;

/**
 * A parsed user query ({@link barometer.indexer.store.UserQueries}) as OpenSearch query DSL. The terms are already
 * analysed (by the same English analysis the cluster's mappings use), so they are sent as exact terms: both backends
 * then match the same documents.
 */
final class QueryTranslation {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private QueryTranslation() {
    }

    /** The query as DSL. */
    static ObjectNode of(Query query) {
        return of(query, null);
    }

    /** The query as DSL, its fields renamed to {@code field} when it is set. */
    static ObjectNode of(Query query, String field) {
        if (query instanceof TermQuery t) {
            return leaf("term", name(t.getTerm(), field), JSON.textNode(t.getTerm().text()));
        }
        if (query instanceof BooleanQuery b) {
            ObjectNode bool = JSON.objectNode();
            for (BooleanClause c : b.clauses()) {
                String occur = switch (c.occur()) {
                    case MUST -> "must";
                    case SHOULD -> "should";
                    case FILTER -> "filter";
                    case MUST_NOT -> "must_not";
                };
                bool.withArray(occur).add(of(c.query(), field));
            }
            if (b.getMinimumNumberShouldMatch() > 0) {
                bool.put("minimum_should_match", b.getMinimumNumberShouldMatch());
            }
            return wrap("bool", bool);
        }
        if (query instanceof BoostQuery b) {
            ObjectNode bool = JSON.objectNode();
            bool.withArray("must").add(of(b.getQuery(), field));
            bool.put("boost", b.getBoost());
            return wrap("bool", bool);
        }
        if (query instanceof PhraseQuery p) {
            return phrase(p, field);
        }
        if (query instanceof PrefixQuery p) {
            return leaf("prefix", name(p.getPrefix(), field), value(p.getPrefix().text()));
        }
        if (query instanceof WildcardQuery w) {
            return leaf("wildcard", name(w.getTerm(), field), value(w.getTerm().text()));
        }
        if (query instanceof RegexpQuery r) {
            return leaf("regexp", name(r.getRegexp(), field), value(r.getRegexp().text()));
        }
        if (query instanceof FuzzyQuery f) {
            ObjectNode v = value(f.getTerm().text());
            v.put("fuzziness", f.getMaxEdits()).put("prefix_length", f.getPrefixLength())
                    .put("transpositions", f.getTranspositions());
            return leaf("fuzzy", name(f.getTerm(), field), v);
        }
        if (query instanceof TermRangeQuery r) {
            ObjectNode v = JSON.objectNode();
            if (r.getLowerTerm() != null) {
                v.put(r.includesLower() ? "gte" : "gt", r.getLowerTerm().utf8ToString());
            }
            if (r.getUpperTerm() != null) {
                v.put(r.includesUpper() ? "lte" : "lt", r.getUpperTerm().utf8ToString());
            }
            return leaf("range", field == null ? r.getField() : field, v);
        }
        if (query instanceof SynonymQuery s) {
            ObjectNode bool = JSON.objectNode();
            for (Term t : s.getTerms()) {
                bool.withArray("should").add(leaf("term", name(t, field), JSON.textNode(t.text())));
            }
            return wrap("bool", bool);
        }
        if (query instanceof MatchAllDocsQuery) {
            return wrap("match_all", JSON.objectNode());
        }
        if (query instanceof MatchNoDocsQuery) {
            return wrap("match_none", JSON.objectNode());
        }
        throw new InvalidQueryException("this kind of query is not supported by the OpenSearch backend: "
                + query.getClass().getSimpleName(), "use words, phrases, AND / OR / NOT, prefixes or ranges");
    }

    /**
     * A phrase as spans in order: the analysed terms keep the gaps stop words leave, which the span's slop allows
     * exactly as Lucene's phrase does (any word may stand in a gap).
     */
    private static ObjectNode phrase(PhraseQuery p, String field) {
        Term[] terms = p.getTerms();
        if (terms.length == 0) {
            return wrap("match_none", JSON.objectNode());
        }
        if (terms.length == 1) {
            return leaf("term", name(terms[0], field), JSON.textNode(terms[0].text()));
        }
        int[] positions = p.getPositions();
        int gaps = positions[positions.length - 1] - positions[0] - (positions.length - 1);
        ObjectNode near = JSON.objectNode();
        ArrayNode clauses = near.putArray("clauses");
        for (Term t : terms) {
            clauses.add(leaf("span_term", name(t, field), JSON.textNode(t.text())));
        }
        near.put("slop", gaps + p.getSlop());
        near.put("in_order", p.getSlop() == 0);
        return wrap("span_near", near);
    }

    /**
     * A filter that matches a field holding any of the words the query looks for (not those it excludes): the
     * mentions whose phrase the query names. Matches nothing when the query names no word.
     */
    static ObjectNode anyWordOf(Query query, String sourceField, String targetField) {
        NamedWords named = NamedWords.of(query, sourceField);
        List<ObjectNode> words = new ArrayList<>();
        named.terms().forEach(t -> words.add(leaf("term", targetField, JSON.textNode(t.text()))));
        named.patterns().forEach(p -> words.add(of(p, targetField)));
        if (words.isEmpty()) {
            return wrap("match_none", JSON.objectNode());
        }
        ObjectNode bool = JSON.objectNode();
        words.forEach(bool.withArray("should")::add);
        bool.put("minimum_should_match", 1);
        return wrap("bool", bool);
    }

    private static String name(Term t, String field) {
        return field == null ? t.field() : field;
    }

    private static ObjectNode value(String v) {
        return JSON.objectNode().put("value", v);
    }

    private static ObjectNode leaf(String kind, String field, com.fasterxml.jackson.databind.JsonNode v) {
        ObjectNode inner = JSON.objectNode();
        inner.set(field, v);
        return wrap(kind, inner);
    }

    private static ObjectNode wrap(String kind, ObjectNode body) {
        ObjectNode o = JSON.objectNode();
        o.set(kind, body);
        return o;
    }
}
