package barometer.indexer.store;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.Query;

/**
 * Lucene's classic query syntax with the costly corners closed: no leading wildcards, and a wildcard
 * needs a few literal letters before it ({@code sec*}, not {@code s*}), since a short prefix expands to a
 * large part of the vocabulary. All terms must match unless {@code OR} says otherwise.
 */
final class BoundedQueryParser extends MultiFieldQueryParser {
    /** Letters a wildcard term must start with. */
    static final int MIN_WILDCARD_PREFIX = 3;

    private BoundedQueryParser(String[] fields, Analyzer analyzer, Map<String, Float> boosts) {
        super(fields, analyzer, boosts);
        setDefaultOperator(QueryParser.Operator.AND);
        setAllowLeadingWildcard(false);
    }

    /** A parser over several boosted fields (articles: title and body). */
    static BoundedQueryParser over(Map<String, Float> boostedFields, Analyzer analyzer) {
        return new BoundedQueryParser(boostedFields.keySet().toArray(String[]::new), analyzer, boostedFields);
    }

    /** A parser over one field (sentences: their text). */
    static BoundedQueryParser over(String field, Analyzer analyzer) {
        return new BoundedQueryParser(new String[] {field}, analyzer, Map.of(field, 1f));
    }

    @Override
    protected Query getWildcardQuery(String field, String termStr) throws ParseException {
        checkPrefix(termStr);
        return super.getWildcardQuery(field, termStr);
    }

    @Override
    protected Query getPrefixQuery(String field, String termStr) throws ParseException {
        checkPrefix(termStr + "*");
        return super.getPrefixQuery(field, termStr);
    }

    private static void checkPrefix(String term) throws ParseException {
        int literal = 0;
        while (literal < term.length() && term.charAt(literal) != '*' && term.charAt(literal) != '?') {
            literal++;
        }
        if (literal < MIN_WILDCARD_PREFIX) {
            throw new ParseException("the wildcard term '" + term + "' needs at least " + MIN_WILDCARD_PREFIX
                    + " letters before the * or ?");
        }
    }
}
