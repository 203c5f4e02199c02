package barometer.indexer.store;

/** Names of the Lucene fields, in one place. Articles and their sentences share one index. */
final class Fields {
    private Fields() {
    }

    /** "article" or "sentence". */
    static final String KIND = "kind";
    static final String ARTICLE = "article";
    static final String SENTENCE = "sentence";
    static final String POLL = "poll";
    /** Byline names (stored, one value each), the page's language (a filterable term) and its lead image. */
    static final String AUTHORS = "authors";
    static final String LANGUAGE = "language";
    static final String LEAD_IMAGE = "lead_image";
    static final String MODIFIED = "modified";
    /** A poll's identity ({@code Poll.key()}): re-imports replace rather than repeat. */
    static final String POLL_KEY = "poll_key";
    /** The whole poll, as JSON. */
    static final String POLL_JSON = "poll_json";
    /** A poll's topic (apart from {@link #TOPIC}, whose doc values only articles carry). */
    static final String POLL_TOPIC = "poll_topic";

    /** The article's URL; also on each sentence, so that one term deletes an article with its sentences. */
    static final String URL = "url";
    static final String TITLE = "title";
    static final String BODY = "body";
    static final String SOURCE = "source";
    /** The topic tag of the feed the article came from. */
    static final String TOPIC = "topic";
    /** Publication time, epoch milliseconds: points for ranges, doc values for trends and sorting. */
    static final String PUBLISHED = "published";
    /** Mean sentence sentiment (articles) or the label (sentences), as a sortable long in doc values. */
    static final String SENTIMENT = "sentiment";
    /** negative / neutral / positive, from the article's mean. */
    static final String TONE_CLASS = "tone_class";
    /** Shares of negative, neutral and positive sentences (three stored doubles, in that order). */
    static final String TONE_SHARES = "tone_shares";
    static final String CONTENT_HASH = "content_hash";
    /** The story cluster: the URL of the first article of a group of near-duplicates. */
    static final String STORY = "story";
    /** On an article stored before its tagging ("1"; indexed and in doc values); absent once tagged. */
    static final String PENDING = "pending";
    /** A 64-bit hash of the story, in doc values, for counting distinct stories per bucket. */
    static final String STORY_HASH = "story_hash";
    /**
     * 1 in doc values on an article whose story has no other article (most of them), 0 once it has; absent on
     * articles stored before the mark existed, which count as shared. Distinct stories are counted without a set
     * for the single ones: a match of a single story is a story of its own.
     */
    static final String STORY_SINGLE = "story_single";
    /** The text's MinHash signature (stored) and its bands (indexed, to find near-duplicates). */
    static final String SIM_HASH = "sim_hash";
    static final String SIM_BAND = "sim_band";
    /** A sentence's text, its position in the article and its five class probabilities. */
    static final String TEXT = "text";
    static final String POSITION = "position";
    static final String PROBABILITIES = "probabilities";
    /**
     * A sentence's phrases and the tone toward each (stored, to rebuild the index); for trends, each token of
     * {@link #TEXT} in a phrase carries the tone as its payload ({@link MentionTones}).
     */
    static final String MENTIONS = "mentions";
    /**
     * A sentence's words that stand in phrases, each once, the tones toward its phrases in its term frequency: what
     * trends read instead of {@link #TEXT}'s payloads ({@link MentionTones#mentionTerms}).
     */
    static final String MENTION_TERMS = "mention_terms";

    /** Commit user-data key holding the schema version the index was written with. */
    static final String SCHEMA_KEY = "barometer.schema";
}
