package barometer.crawler;

/**
 * What one crawl did with one source.
 *
 * @param url the source's address
 * @param outcome read, unchanged (a 304), failed or disallowed
 * @param articles articles handed on from it
 * @param pagesFailed its article pages that could not be fetched, extracted or stored
 * @param error why it failed (or its first failed page), or empty
 */
public record SourceResult(String url, Outcome outcome, int articles, int pagesFailed, String error) {

    /** How reading the source went. */
    public enum Outcome { READ, UNCHANGED, FAILED, DISALLOWED }

    public SourceResult {
        error = error == null ? "" : error;
    }
}
