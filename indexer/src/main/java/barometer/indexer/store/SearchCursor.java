package barometer.indexer.store;

import barometer.indexer.InvalidQueryException;
import barometer.indexer.SearchSort;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.util.BytesRef;

/**
 * An opaque cursor for deep paging: the sort values of the last hit shown (score or date, then URL as the
 * tie-break), so that the next page starts right after it whatever the page depth.
 */
final class SearchCursor {
    private SearchCursor() {
    }

    static String encode(SearchSort sort, FieldDoc last) {
        String key = sort == SearchSort.DATE ? "d" + last.fields[0] : "r" + Float.floatToIntBits((Float) last.fields[0]);
        String url = ((BytesRef) last.fields[1]).utf8ToString();
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((key + "\n" + url).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param lastDoc the highest document id of the reader: the hit named by the cursor sorts equal to
     *     itself, and only a larger id would come after it, so it is not shown twice
     */
    static FieldDoc decode(SearchSort sort, String cursor, int lastDoc) {
        try {
            String s = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int nl = s.indexOf('\n');
            char kind = s.charAt(0);
            String value = s.substring(1, nl);
            BytesRef url = new BytesRef(s.substring(nl + 1));
            if (kind == 'd' && sort == SearchSort.DATE) {
                return new FieldDoc(lastDoc, Float.NaN, new Object[] {Long.parseLong(value), url});
            }
            if (kind == 'r' && sort == SearchSort.RELEVANCE) {
                float score = Float.intBitsToFloat(Integer.parseInt(value));
                return new FieldDoc(lastDoc, score, new Object[] {score, url});
            }
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            // fall through to the error below
        }
        throw new InvalidQueryException("the cursor is not one this search returned",
                "pass nextCursor from the previous page unchanged, with the same query and sort");
    }
}
