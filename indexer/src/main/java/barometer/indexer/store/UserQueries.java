package barometer.indexer.store;

import barometer.indexer.InvalidQueryException;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/**
 * A user's query in Lucene syntax, parsed once for every backend: the embedded index runs the parsed query, the
 * OpenSearch backend translates it, so both read a query alike (analysis, operators, bounds) and refuse the same
 * ones with the same message.
 */
public final class UserQueries {
    /** Article fields a query without a field searches, with their weights. */
    public static final Map<String, Float> ARTICLE_FIELDS = Map.of(Fields.TITLE, 2f, Fields.BODY, 1f);
    /** The field of a sentence's text. */
    public static final String SENTENCE_FIELD = Fields.TEXT;

    private UserQueries() {
    }

    /** Parses a query over an article's title and body. */
    public static Query overArticles(String userQuery, Analyzer analyzer) {
        return parse(BoundedQueryParser.over(ARTICLE_FIELDS, analyzer), userQuery);
    }

    /** Parses a query over one field (a sentence's text). */
    public static Query over(String field, String userQuery, Analyzer analyzer) {
        return parse(BoundedQueryParser.over(field, analyzer), userQuery);
    }

    private static Query parse(QueryParser parser, String userQuery) {
        try {
            return parser.parse(userQuery);
        } catch (ParseException e) {
            String shown = userQuery.length() > 120 ? userQuery.substring(0, 120) + "..." : userQuery;
            throw new InvalidQueryException("cannot parse the query '" + shown + "': " + firstLine(e.getMessage()),
                    "use Lucene syntax: words, \"a phrase\", AND / OR / NOT, title:word, word* (3+ letters before *); "
                    + "quote or escape special characters such as ( ) [ ] : with a backslash");
        } catch (IndexSearcher.TooManyClauses e) {
            throw tooManyTerms();
        }
    }

    /** The refusal of a query whose wildcards expand to too many terms. */
    public static InvalidQueryException tooManyTerms() {
        return new InvalidQueryException("the query expands to too many terms",
                "make wildcard prefixes longer (at least three letters before the *)");
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
