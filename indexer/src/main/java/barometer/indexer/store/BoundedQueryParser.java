package barometer.indexer.store;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;

/**
 * Lucene's classic query syntax with its costly corners closed, so that no query from the public endpoints can make
 * the service work for long:
 * <ul>
 *   <li>a query is at most {@link #MAX_QUERY_CHARS} characters and nests groups at most {@link #MAX_DEPTH} deep
 *       (the parser is recursive);</li>
 *   <li>no leading wildcards, and a wildcard or fuzzy term needs a few literal letters first ({@code sec*}, not
 *       {@code s*}), since a short prefix expands to a large part of the vocabulary;</li>
 *   <li>a regular expression ({@code /secess.*n/}) is short, has small repeat counts and a small automaton;</li>
 *   <li>term ranges ({@code body:[a TO z]}) are refused: they mean nothing on text, and dates have their own
 *       filters.</li>
 * </ul>
 * All terms must match unless {@code OR} says otherwise. Every refusal is a {@link ParseException} with a message
 * that names the rule.
 */
final class BoundedQueryParser extends MultiFieldQueryParser {
    /** Letters a wildcard or fuzzy term must start with. */
    static final int MIN_WILDCARD_PREFIX = 3;
    /** Longest query accepted. */
    static final int MAX_QUERY_CHARS = 2_000;
    /** Deepest nesting of parentheses. */
    static final int MAX_DEPTH = 16;
    /** Longest regular expression, between its slashes. */
    static final int MAX_REGEXP_CHARS = 64;
    /** Largest repeat count inside a regular expression ({@code {n,m}}). */
    static final int MAX_REPEAT = 20;
    /** Work allowed to turn a regular expression into a deterministic automaton (Lucene's default is 10,000). */
    static final int REGEXP_WORK_LIMIT = 2_000;
    private static final Pattern REPEAT = Pattern.compile("\\{\\s*(\\d+)\\s*(?:,\\s*(\\d*)\\s*)?}");

    private BoundedQueryParser(String[] fields, Analyzer analyzer, Map<String, Float> boosts) {
        super(fields, analyzer, boosts);
        setDefaultOperator(QueryParser.Operator.AND);
        setAllowLeadingWildcard(false);
        setFuzzyPrefixLength(2);
        setDeterminizeWorkLimit(REGEXP_WORK_LIMIT);
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
    public Query parse(String query) throws ParseException {
        if (query.length() > MAX_QUERY_CHARS) {
            throw new ParseException("the query has " + query.length() + " characters; at most " + MAX_QUERY_CHARS
                    + " are accepted");
        }
        checkDepth(query);
        try {
            return super.parse(query);
        } catch (IllegalArgumentException | TooComplexToDeterminizeException e) {
            // Lucene's regular-expression and automaton code refuses with unchecked exceptions.
            throw new ParseException("the query cannot be run: " + e.getMessage());
        }
    }

    private static void checkDepth(String query) throws ParseException {
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '(' && ++depth > MAX_DEPTH) {
                throw new ParseException("the query nests parentheses more than " + MAX_DEPTH + " deep");
            } else if (!quoted && c == ')') {
                depth = Math.max(0, depth - 1);
            }
        }
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

    @Override
    protected Query getFuzzyQuery(String field, String termStr, float minSimilarity) throws ParseException {
        if (termStr.length() < MIN_WILDCARD_PREFIX) {
            throw new ParseException("the fuzzy term '" + termStr + "~' needs at least " + MIN_WILDCARD_PREFIX
                    + " letters");
        }
        return super.getFuzzyQuery(field, termStr, Math.min(minSimilarity, FuzzyQuery.defaultMaxEdits));
    }

    @Override
    protected Query getRegexpQuery(String field, String termStr) throws ParseException {
        if (termStr.length() > MAX_REGEXP_CHARS) {
            throw new ParseException("the regular expression has " + termStr.length() + " characters; at most "
                    + MAX_REGEXP_CHARS + " are accepted");
        }
        Matcher repeat = REPEAT.matcher(termStr);
        while (repeat.find()) {
            for (int g = 1; g <= 2; g++) {
                String n = repeat.group(g);
                if (n != null && !n.isEmpty() && (n.length() > 3 || Integer.parseInt(n) > MAX_REPEAT)) {
                    throw new ParseException("the regular expression repeats something " + n + " times; at most "
                            + MAX_REPEAT + " are accepted");
                }
            }
        }
        try {
            return super.getRegexpQuery(field, termStr);
        } catch (IllegalArgumentException e) {
            throw new ParseException("the regular expression /" + termStr + "/ is not valid: " + e.getMessage());
        } catch (TooComplexToDeterminizeException e) {
            throw new ParseException("the regular expression /" + termStr + "/ is too complex");
        }
    }

    @Override
    protected Query getRangeQuery(String field, String part1, String part2, boolean startInclusive,
            boolean endInclusive) throws ParseException {
        throw new ParseException("ranges such as [a TO z] are not supported in q; use the from and to parameters "
                + "for dates");
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
