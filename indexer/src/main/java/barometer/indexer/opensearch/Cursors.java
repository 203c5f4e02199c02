package barometer.indexer.opensearch;

import barometer.indexer.InvalidQueryException;
import barometer.indexer.SearchSort;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A search cursor of the OpenSearch backend: the sort values of the last hit shown ({@code search_after}), tagged
 * with the sort they belong to, in URL-safe Base64. Anything else is refused as a bad cursor.
 */
final class Cursors {
    private Cursors() {
    }

    static String encode(SearchSort sort, JsonNode sortValues) {
        String text = sort.name().charAt(0) + sortValues.toString();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static JsonNode decode(SearchSort sort, String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!text.isEmpty() && text.charAt(0) == sort.name().charAt(0)) {
                JsonNode values = ClusterConnection.json().readTree(text.substring(1));
                if (values != null && values.isArray() && values.size() == 2 && values.get(0).isNumber()
                        && values.get(1).isTextual()) {
                    return values;
                }
            }
        } catch (IllegalArgumentException | java.io.IOException e) {
            // Refused below.
        }
        throw new InvalidQueryException("the cursor is not one this search returned",
                "pass nextCursor from the previous page unchanged, with the same query and sort");
    }
}
