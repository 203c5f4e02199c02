package barometer.crawler.extract;

/** Where a page's main text was found. */
public enum TextSource {
    /** The page's visible markup: the best-scoring content container. */
    MARKUP,
    /** An {@code articleBody} in the page's JSON-LD. */
    JSON_LD,
    /** A framework's hydration data in a script ({@code __NEXT_DATA__}, {@code __NUXT__} and the like). */
    HYDRATION_DATA,
    /** A {@code <template>} (including declarative shadow DOM). */
    TEMPLATE,
    /** A {@code <noscript>} fallback. */
    NOSCRIPT,
    /** No main text was found. */
    NONE
}
